package org.imrflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.junit.jupiter.api.Test;

/** CaseProcess mirrors processes/imr-case.bpmn: an id renamed in the Modeler fails here, not in a running case. */
class CaseProcessModelTest {

  private final BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/imr-case.bpmn"));

  @Test
  void everyElementOfCaseProcessIsInTheModelAndEveryFlowNodeOfTheModelIsNamed() {
    Set<String> inModel = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
        .collect(Collectors.toSet());
    Set<String> named = Arrays.stream(CaseProcess.Element.values()).map(e -> e.id).collect(Collectors.toSet());
    assertThat(named).isSubsetOf(inModel);
    assertThat(inModel).isSubsetOf(named);
  }

  @Test
  void theMessagesAndTheKeyAreTheModels() {
    assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
        .contains(CaseProcess.MESSAGE_RECORDS_COMPLETE, CaseProcess.MESSAGE_REVIEW_EXPEDITED, CaseProcess.MESSAGE_REVIEW_ENDED);
    assertThat((Object) model.getModelElementById(CaseProcess.KEY)).isNotNull();
  }
}
