package org.imrflow.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Lets MyBatis read the engine's SQL mappings with {@link ChildStepXPathFactory}: the JDK looks up the
 * XPath implementation in this system property on every {@code XPathFactory.newInstance()}, and the
 * engine reads its mappings between preInit and postInit. The property is put back as it was after,
 * so that nothing else in the application is affected; one set by the operator is left alone.
 */
@Component
class MappingsXPathPlugin extends AbstractProcessEnginePlugin {

  static final String PROPERTY = ChildStepXPathFactory.SYSTEM_PROPERTY;

  private boolean installed;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, ChildStepXPathFactory.class.getName());
      installed = true;
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (installed) {
      System.clearProperty(PROPERTY);
      installed = false;
    }
  }
}
