package org.imrflow;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts every test class on the suite's clock (see {@link EngineClock}) before anything else runs,
 * the Spring context's start-up and its demo data included. Registered for all tests through
 * {@code META-INF/services} and {@code junit.jupiter.extensions.autodetection.enabled}.
 */
public class SuiteClockExtension implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    if (EngineClock.offsetMillis() != 0) {
      EngineClock.reset();
    }
  }
}
