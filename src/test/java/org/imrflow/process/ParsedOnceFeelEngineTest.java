package org.imrflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDateTime;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.imrflow.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The FEEL engine that parses each cell once answers every cell as Camunda's own engine does,
 * the second time from its parsed tree, and fails where Camunda's fails, with the same message; the
 * application's engine uses it.
 */
@IntegrationTest
class ParsedOnceFeelEngineTest {

  private static final String INPUT = "cellInput";

  private final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());
  private final ParsedOnceFeelEngine parsedOnce = new ParsedOnceFeelEngine(List.of());

  @Autowired
  ProcessEngine engine;

  @Test
  void answersAsCamundasEngineDoesTheFirstTimeAndAfter() {
    Object[][] cells = {
        {"< 10", 5}, {"< 10", 12}, {"[1..3]", 2}, {"[1..3]", 3.5}, {"-", 7}, {"not(1, 2)", 2},
        {"\"POSTSURGICAL_THERAPY\"", "POSTSURGICAL_THERAPY"}, {"\"POSTSURGICAL_THERAPY\"", "IMAGING"},
        {"contains(?, \"|KNEE|\")", "|HIP|KNEE|"}, {"contains(?, \"|KNEE|\")", "|NECK|"},
        {"contains(?, \"|WRIST_HAND|\"), contains(?, \"|ELBOW|\")", "|ELBOW|"},
        {"matches(?, \"(^| )(mri|magnetic resonance)( |$)\")", " mri of the lumbar spine"},
        {"[date and time(\"2009-07-18T00:00:00\")..date and time(\"2016-07-28T00:00:00\")[",
            LocalDateTime.parse("2014-08-12T00:00:00")},
        {">= date and time(\"2017-12-01T00:00:00\")", LocalDateTime.parse("2014-08-12T00:00:00")},
        {"? > limit", 4}, {"? > limit", 40}, {"null", null}, {"< 10", null},
    };
    for (int round = 0; round < 2; round++) {
      for (Object[] cell : cells) {
        String expression = (String) cell[0];
        VariableContext variables = Variables.createVariables().putValue(INPUT, cell[1]).putValue("limit", 24)
            .asVariableContext();
        assertThat(parsedOnce.evaluateSimpleUnaryTests(expression, INPUT, variables))
            .as("%s with %s, round %d", expression, cell[1], round)
            .isEqualTo(camunda.evaluateSimpleUnaryTests(expression, INPUT, variables));
      }
    }
  }

  @Test
  void evaluatesExpressionsAsCamundasEngineDoesTheFirstTimeAndAfter() {
    String[] expressions = {"category", "\"THERAPY\"", "limit + 1", "date and time(\"2016-07-28T00:00:00\")",
        "if limit > 10 then \"many\" else \"few\"", "null", "limit * 2.5", "upper case(category)"};
    for (int round = 0; round < 2; round++) {
      for (String expression : expressions) {
        VariableContext variables = Variables.createVariables().putValue("category", "imaging").putValue("limit", 24)
            .asVariableContext();
        Object ours = parsedOnce.evaluateSimpleExpression(expression, variables);
        Object theirs = camunda.evaluateSimpleExpression(expression, variables);
        assertThat(ours).as("%s, round %d", expression, round).isEqualTo(theirs);
      }
    }
  }

  @Test
  void failsWhereCamundasEngineFailsWithTheSameMessage() {
    VariableContext cell = Variables.createVariables().putValue(INPUT, 5).asVariableContext();
    for (String expression : new String[] {"< <", "[1..", "contains(?, \"x\")"}) {
      assertSameOutcome(expression, () -> camunda.evaluateSimpleUnaryTests(expression, INPUT, cell),
          () -> parsedOnce.evaluateSimpleUnaryTests(expression, INPUT, cell));
    }
    VariableContext variables = Variables.createVariables().putValue("limit", 24).asVariableContext();
    for (String expression : new String[] {"1 +", "limit +", "unknown(1)"}) {
      assertSameOutcome(expression, () -> camunda.evaluateSimpleExpression(expression, variables),
          () -> parsedOnce.evaluateSimpleExpression(expression, variables));
    }
  }

  /** Both fail with the same exception and message, or neither fails. */
  private static void assertSameOutcome(String expression, ThrowingCallable theirs, ThrowingCallable ours) {
    Throwable theirFailure = catchThrowable(theirs);
    Throwable ourFailure = catchThrowable(ours);
    if (theirFailure == null) {
      assertThat(ourFailure).as(expression).isNull();
    } else {
      assertThat(ourFailure).as(expression).isInstanceOf(theirFailure.getClass()).hasMessage(theirFailure.getMessage());
    }
  }

  @Test
  void theApplicationsDecisionTablesUseIt() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(ParsedOnceFeelEngine.class);
  }
}
