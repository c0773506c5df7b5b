package org.imrflow.process;

import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Installs {@link FieldPropertiesAccessor} as OGNL's accessor of plain objects before the engine
 * evaluates its first dynamic SQL. OGNL keeps its accessors JVM-wide and remembers the one it found for
 * each class, so it has to come first; MyBatis's own accessor (of its binding maps) stays in place.
 */
@Component
class MappingsOgnlPlugin extends AbstractProcessEnginePlugin {

  /** One for the JVM, as OGNL's accessors are: engines started later (tests) find it in place. */
  private static final FieldPropertiesAccessor ACCESSOR = new FieldPropertiesAccessor();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    OgnlRuntime.setPropertyAccessor(Object.class, ACCESSOR);
  }
}
