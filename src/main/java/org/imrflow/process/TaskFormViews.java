package org.imrflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Adds the {@link TaskView}s to a task's form variables as Tasklist and REST clients load them
 * ({@code GET .../task/{id}/form-variables} of /engine-rest and of the webapps' API), after the
 * engine has answered, so its authorization stands: a task the user may not read gets no view.
 */
@Component
public class TaskFormViews extends OncePerRequestFilter {

  private static final Pattern FORM_VARIABLES = Pattern.compile(".*/task/([^/]+)/form-variables/?$");

  // Looked up when a form loads: a filter is made with the web server, before the engine and the views.
  private final ObjectProvider<ProcessEngine> engine;
  private final ObjectProvider<TaskView> views;
  private final ObjectMapper mapper = new ObjectMapper();

  TaskFormViews(ObjectProvider<ProcessEngine> engine, ObjectProvider<TaskView> views) {
    this.engine = engine;
    this.views = views;
  }

  /** The views of the task, computed now: for the filter, and for tests and clients in process. */
  public VariableMap of(String taskId) {
    List<TaskView> all = views.orderedStream().toList();
    return ((ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          VariableMap form = Variables.createVariables();
          TaskEntity task = context.getTaskManager().findTaskById(taskId);
          if (task != null) {
            all.stream().filter(v -> v.tasks().contains(task.getTaskDefinitionKey())).forEach(v -> v.show(task, form));
          }
          return form;
        });
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !FORM_VARIABLES.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    byte[] body = answer.getContentAsByteArray();
    if (answer.getStatus() == 200 && body.length > 0) {
      Matcher m = FORM_VARIABLES.matcher(request.getRequestURI());
      if (m.matches()) {
        body = withViews(body, m.group(1), request.getParameter("variableNames"));
      }
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  /** As the engine would type a stored variable: views are strings, flags, counts or JSON. */
  private static TypedValue typed(TypedValue value) {
    if (value.getType() != null) {
      return value;
    }
    Object raw = value.getValue();
    if (raw instanceof Boolean flag) {
      return Variables.booleanValue(flag);
    }
    if (raw instanceof Integer number) {
      return Variables.integerValue(number);
    }
    return Variables.stringValue(raw == null ? null : raw.toString());
  }

  private byte[] withViews(byte[] body, String taskId, String variableNames) throws IOException {
    JsonNode variables = mapper.readTree(body);
    if (!(variables instanceof ObjectNode object)) {
      return body;
    }
    Set<String> wanted = variableNames == null || variableNames.isBlank() ? null
        : Arrays.stream(variableNames.split(",")).map(String::trim).collect(Collectors.toSet());
    VariableMap views = of(taskId);
    for (String name : views.keySet()) {
      // A view fills a field the task declares empty (decide-item's clinicalFacts), never one with a value.
      JsonNode engineValue = object.path(name).path("value");
      if ((wanted == null || wanted.contains(name)) && (engineValue.isMissingNode() || engineValue.isNull())) {
        object.set(name, mapper.valueToTree(VariableValueDto.fromTypedValue(typed(views.getValueTyped(name)))));
      }
    }
    return mapper.writeValueAsBytes(object);
  }
}
