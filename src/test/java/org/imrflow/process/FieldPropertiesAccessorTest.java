package org.imrflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.apache.ibatis.builder.BuilderException;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.scripting.xmltags.OgnlCache;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.Test;

class FieldPropertiesAccessorTest {

  /** Properties the way the engine's query objects have them: fields with and without getters. */
  abstract static class Query {
    protected String tenantId = "tenant-1";
    private final List<String> candidateGroups = List.of("reviewers");
    protected Query inner;
    protected String withGetter = "field";
    protected boolean active = true;

    public String getWithGetter() {
      return "getter";
    }

    public boolean isActive() {
      return active;
    }

    public boolean hasTenant() {
      return tenantId != null;
    }

    /** Read as "label": a read method that is not a getter, found by OGNL's slow scan. */
    public String label() {
      return "label-method";
    }
  }

  /** Read by OGNL's own accessor. */
  static final class ByOgnl extends Query {
  }

  /** Read by the accessor that remembers the missing read methods. */
  static final class Remembered extends Query {
  }

  static {
    OgnlRuntime.setPropertyAccessor(ByOgnl.class, new ObjectPropertyAccessor());
    OgnlRuntime.setPropertyAccessor(Remembered.class, new FieldPropertiesAccessor());
  }

  @Test
  void readsWhatOgnlReads() {
    Query ognl = new ByOgnl();
    ognl.inner = new ByOgnl();
    Query remembered = new Remembered();
    remembered.inner = new Remembered();
    List<String> expressions = List.of("tenantId", "candidateGroups", "candidateGroups.size > 0", "withGetter",
        "active", "hasTenant()", "tenant", "label", "inner.tenantId", "inner.inner", "tenantId != null and active", "noSuchProperty",
        "inner.noSuchProperty");
    // Twice: the second time from what the first remembered.
    for (int round = 0; round < 2; round++) {
      for (String expression : expressions) {
        Object expected = outcome(expression, ognl);
        assertThat(outcome(expression, remembered)).as(expression + ", round " + round).isEqualTo(expected);
      }
    }
    assertThat(outcome("withGetter", remembered)).isEqualTo("getter");
    assertThat(outcome("tenantId", remembered)).isEqualTo("tenant-1");
    assertThat(outcome("label", remembered)).isEqualTo("label-method");
    assertThat(outcome("tenant", remembered)).isEqualTo(true);
    assertThat(outcome("noSuchProperty", remembered)).asString().contains("noSuchProperty");
  }

  @Test
  void theEnginesQueriesAreReadThroughIt() throws Exception {
    new MappingsOgnlPlugin().preInit(null);
    assertThat(OgnlRuntime.getPropertyAccessor(TaskQueryImpl.class)).isInstanceOf(FieldPropertiesAccessor.class);
    TaskQueryImpl query = new TaskQueryImpl();
    query.taskDefinitionKey("decide-item");
    assertThat(OgnlCache.getValue("key", query)).isEqualTo("decide-item");
    assertThat(OgnlCache.getValue("authCheck.shouldPerformAuthorizatioCheck", query)).isEqualTo(false);
  }

  /** The value, or the failure's type and message. */
  private static Object outcome(String expression, Object root) {
    Throwable failure = catchThrowable(() -> OgnlCache.getValue(expression, root));
    if (failure == null) {
      return OgnlCache.getValue(expression, root);
    }
    assertThat(failure).isInstanceOf(BuilderException.class);
    return failure.getClass().getSimpleName() + ": " + failure.getMessage()
        .replace(Remembered.class.getName(), "Query").replace(ByOgnl.class.getName(), "Query");
  }
}
