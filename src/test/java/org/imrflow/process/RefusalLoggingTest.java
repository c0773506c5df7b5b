package org.imrflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.imrflow.Api;
import org.imrflow.IntegrationTest;
import org.imrflow.TestCases;
import org.imrflow.WebappLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * A person's refused input is answered 400 with its reason, by the engine REST API and by the
 * webapps' engine API that Tasklist submits to, and logged neither as an error nor as a warning with
 * a stack trace (RefusalsLoggedAtDebug, WebappTaskRefusals); a failure of the engine still is.
 */
@IntegrationTest
class RefusalLoggingTest {

  private static final String REFUSAL = "reviewerId is required";

  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @LocalServerPort int port;

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void listen() {
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    root.detachAppender(logged);
  }

  @Test
  void aRefusalThroughTheEngineRestApiIsAnsweredWithItsReasonAndNotLoggedAsAFailure() {
    String taskId = openAssignment();

    ResponseEntity<String> refused = new Api(rest).post("coordinator", "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\": {}}");

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains(REFUSAL);
    assertThat(logged(Level.WARN)).as("warnings and errors about the refusal").noneMatch(e -> mentions(e, REFUSAL));
  }

  @Test
  void aRefusalInTasklistIsAnsweredWithItsReasonAndNotLoggedAsAFailure() {
    String taskId = openAssignment();
    String tasklist = "http://localhost:" + port;
    WebappLogin coordinator = WebappLogin.on(tasklist, "coordinator", "coordinator");

    HttpResponse<String> refused = coordinator.post(tasklist,
        "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", "{\"variables\": {}}");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("InvalidTaskInput", REFUSAL);
    assertThat(logged(Level.WARN)).as("warnings and errors about the refusal").noneMatch(e -> mentions(e, REFUSAL));
  }

  @Test
  void aRefusedApplicationInTasklistsStartFormIsAnsweredWithItsReasonAndNotLoggedAsAFailure() {
    String tasklist = "http://localhost:" + port;
    WebappLogin coordinator = WebappLogin.on(tasklist, "coordinator", "coordinator");
    forgetWhatWasLogged();

    HttpResponse<String> refused = coordinator.post(tasklist,
        "/camunda/api/engine/engine/default/process-definition/key/imr-case/submit-form", "{\"variables\": {}}");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("InvalidTaskInput", "The application cannot be registered");
    assertThat(logged(Level.WARN)).as("warnings and errors about the refusal")
        .noneMatch(e -> mentions(e, "The application cannot be registered"));
  }

  @Test
  void aFailureOfTheEngineIsStillLoggedAsAnError() {
    assertThatThrownBy(() -> tasks.complete(null)).isInstanceOf(ProcessEngineException.class);

    assertThat(logged(Level.ERROR)).as("errors logged for a completion without a task id")
        .anyMatch(e -> e.getLoggerName().startsWith("org.camunda.bpm.engine.context")
            && e.getFormattedMessage().contains("ENGINE-16004"));
  }

  /** A new case's assignment task, with nothing logged yet. */
  private String openAssignment() {
    Api api = new Api(rest);
    String caseNumber = Api.json(api.post("coordinator", "/api/cases", TestCases.unique("seed-pt-exceeds").toString()))
        .get("caseNumber").asText();
    api.post("coordinator", "/api/cases/" + caseNumber + "/records", "{\"receivedOn\": \"2014-08-12\", \"complete\": true}");
    String taskId = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("assign-reviewer")
        .singleResult().getId();
    forgetWhatWasLogged();
    return taskId;
  }

  private void forgetWhatWasLogged() {
    // The appender adds under its own lock; other tests' jobs may log meanwhile.
    synchronized (logged) {
      logged.list.clear();
    }
  }

  private List<ILoggingEvent> logged(Level atLeast) {
    synchronized (logged) {
      return logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(atLeast)).toList();
    }
  }

  /** Whether the event's message, or the message of an exception it carries, has the words. */
  private static boolean mentions(ILoggingEvent event, String words) {
    if (event.getFormattedMessage().contains(words)) {
      return true;
    }
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains(words)) {
        return true;
      }
    }
    return false;
  }
}
