package org.imrflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.imrflow.Api;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

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
  @Autowired BusinessClock clock;
  @Autowired TestRestTemplate rest;

  private Browser browser;
  private Cockpit cockpit;
  private CaseStates states;

  @BeforeEach
  void setUp(Browser browser, CaseStates states) {
    EngineClock.reset();
    this.browser = browser;
    this.cockpit = new Cockpit(browser, "http://localhost:" + port);
    this.states = states;
  }

  @Test
  void managerFindsACaseOnTheSlaBoardAndFollowsItToItsProcessInstance() {
    ImrCase c = states.recordsComplete(states.applied("seed-pt-exceeds"));
    assertThat(c.getStatus()).isEqualTo(CaseStatus.REVIEWER_ASSIGNMENT);

    cockpit.loginAs("manager");
    cockpit.waitForDashboard();
    browser.screenshot("3-01-cockpit-dashboard");
    Axe.check(browser, "cockpit-dashboard", ".imr-sla-tile", "a[href='#/sla']");

    // The SLA board: the case with its deadline (30 days from complete records) and its state.
    cockpit.openSlaBoard();
    String row = cockpit.slaRow(c.getCaseNumber()).getText();
    assertThat(row).contains(c.getCaseNumber(), "Reviewer assignment", c.getDeadline().toString(),
        "determination due", "On track", "not assigned");
    browser.script("arguments[0].scrollIntoView({block: 'nearest'});", cockpit.slaRow(c.getCaseNumber()));
    browser.screenshot("3-02-sla-board");
    Axe.check(browser, "cockpit-sla-board", ".imr-sla", "a[href='#/sla']");

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

  @Test
  void managerReadsTheLastTwelveMonthsAsChartsWithTheirValuesInWords() {
    // A case of this month decided to its letter, so that the charts have bars to draw, and one still open.
    ImrCase applied = states.applied("chiro-trial-within");
    ImrCase c = states.assignedTo("seed-pt-exceeds", "dr-okafor");
    complete(c, Element.ATTEST_NO_CONFLICT, Map.of(CaseProcess.NO_CONFLICT.name(), true));
    complete(c, Element.WRITE_CASE_SUMMARY, Map.of(CaseProcess.CASE_SUMMARY.name(), "The patient has neck and low back pain."));
    complete(c, Element.DECIDE_ITEM, Map.of(CaseProcess.DETERMINATION.name(), "UPHELD", CaseProcess.IMRO_GUIDELINE.name(), "MTUS Physical Medicine",
        CaseProcess.RATIONALE.name(), "The visits requested and completed exceed the guideline."));
    // The month of that application, not of the clock now: a date run started at 23:59 on the last day of
    // a month (.ci/run) reaches this line in the next one.
    YearMonth month = YearMonth.from(applied.getApplicationReceivedOn());
    JsonNode trend = Api.json(new Api(rest).get("manager", "/api/reports/trend?months=12&to=" + month));
    JsonNode thisMonth = trend.get("months").get(11);
    assertThat(thisMonth.get("applications").asLong()).isPositive();

    cockpit.loginAs("manager");
    cockpit.waitForDashboard();
    cockpit.openSlaBoard();
    // The charts are below the fold, and Cockpit lays out what is out of view lazily: scroll to them.
    WebElement charts = browser.waiting().withMessage(() -> "the charts, on a board that shows: "
        + browser.driver().findElements(By.cssSelector(".imr-sla")).stream().map(e -> e.getAttribute("textContent")).toList())
        .until(d -> d.findElements(By.cssSelector(".imr-sla__charts")).stream().findFirst().orElse(null));
    browser.script("arguments[0].scrollIntoView({block: 'start'});", charts);
    browser.until("the four charts drawn", () -> charts.findElements(By.cssSelector("figure")).size() == 4);
    List<WebElement> figures = charts.findElements(By.cssSelector("figure"));
    assertThat(figures).extracting(f -> f.findElement(By.tagName("figcaption")).getText()).containsExactly(
        "Applications and determinations per month", "Determinations within the statutory limit",
        "Overturn rate by category", "Days per stage");
    // Without colour: the series are named in a legend, and each bar's value is written on it and in the
    // chart's description that screen readers read.
    String label = month.format(java.time.format.DateTimeFormatter.ofPattern("MMM yy", Locale.US));
    WebElement volume = figures.get(0).findElement(By.tagName("svg"));
    assertThat(volume.getAttribute("role")).isEqualTo("img");
    assertThat(volume.getText()).contains("Applications received", "Determinations (letters sent)", label,
        thisMonth.get("applications").asText());
    assertThat(volume.findElement(By.tagName("desc")).getAttribute("textContent"))
        .contains(label + " " + thisMonth.get("applications").asText() + " and " + thisMonth.get("determinations").asText());
    assertThat(volume.findElements(By.cssSelector("pattern"))).hasSize(1);
    assertThat(figures.get(3).getText()).contains("Application to notice", "Decision to letter sent");
    for (JsonNode category : trend.get("overturnByCategory")) {
      assertThat(figures.get(2).getText()).contains(Math.round(category.get("overturnRate").asDouble() * 100) + "% ("
          + category.get("overturned").asText() + " of ");
    }

    browser.script("arguments[0].scrollIntoView({block: 'start'});", charts);
    browser.screenshot("3-04-sla-board-charts");
    Axe.check(browser, "cockpit-sla-board-charts", ".imr-sla", "a[href='#/sla']");
  }

  private void complete(ImrCase c, Element element, Map<String, Object> variables) {
    tasks.complete(states.task(c, element).getId(), variables);
    states.runJobs(c);
  }
}
