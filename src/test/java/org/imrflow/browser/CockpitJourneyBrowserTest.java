package org.imrflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.imrflow.EngineClock;
import org.imrflow.IntegrationTest;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseStatus;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.intake.Intake;
import org.imrflow.intake.Records;
import org.imrflow.process.CaseProcess;
import org.imrflow.process.CaseProcess.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The manager's view in a real Chromium: Cockpit's dashboard, IMRflow's SLA board plugin with the
 * case's deadline and state, and the process instance page its link leads to.
 */
@ExtendWith(BrowserExtension.class)
@IntegrationTest
class CockpitJourneyBrowserTest {

  @LocalServerPort int port;
  @Autowired Intake intake;
  @Autowired Records records;
  @Autowired Cases cases;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired BusinessClock clock;

  private Browser browser;
  private Cockpit cockpit;
  private CaseStates states;

  @BeforeEach
  void setUp(Browser browser) {
    EngineClock.reset();
    this.browser = browser;
    this.cockpit = new Cockpit(browser, "http://localhost:" + port);
    this.states = new CaseStates(intake, records, cases, tasks, management, clock);
  }

  @Test
  void managerFindsACaseOnTheSlaBoardAndFollowsItToItsProcessInstance() {
    ImrCase c = states.recordsComplete(states.applied("seed-pt-exceeds"));
    assertThat(c.getStatus()).isEqualTo(CaseStatus.REVIEWER_ASSIGNMENT);

    cockpit.loginAs("manager");
    cockpit.waitForDashboard();
    browser.screenshot("3-01-cockpit-dashboard");

    // The SLA board: the case with its deadline (30 days from complete records) and its state.
    cockpit.openSlaBoard();
    String row = cockpit.slaRow(c.getCaseNumber()).getText();
    assertThat(row).contains(c.getCaseNumber(), "Reviewer assignment", c.getDeadline().toString(),
        "determination due", "On track", "not assigned");
    browser.script("arguments[0].scrollIntoView({block: 'nearest'});", cockpit.slaRow(c.getCaseNumber()));
    browser.screenshot("3-02-sla-board");

    cockpit.followProcessInstanceLink(c.getCaseNumber());
    assertThat(cockpit.information("Business Key")).isEqualTo(c.getCaseNumber());
    browser.until("the diagram to show the case waiting for a reviewer",
        () -> cockpit.tokensOn(Element.ASSIGN_REVIEWER.id) == 1);
    assertThat(cockpit.variable(CaseProcess.CASE_NUMBER.name())).isEqualTo(c.getCaseNumber());
    // Cockpit shows dates in the browser's time zone.
    Date due = (Date) runtime.getVariable(c.getProcessInstanceId(), CaseProcess.DETERMINATION_DUE_AT.name());
    ZoneId browserZone = ZoneId.of((String) browser.script("return Intl.DateTimeFormat().resolvedOptions().timeZone;"));
    assertThat(cockpit.variable(CaseProcess.DETERMINATION_DUE_AT.name()))
        .isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(due.toInstant().atZone(browserZone)));
    browser.screenshot("3-03-process-instance");
  }
}
