package org.imrflow.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The browser tests' rule (API.md §1): without Debian's chromium and chromium-driver they are
 * skipped with a message saying so, unless {@code -Dbrowser.required=true} (what .ci/run passes),
 * which makes them fail instead. Provides the one {@link Browser} of the run as a parameter.
 */
final class BrowserExtension implements TestInstancePreConstructCallback, ParameterResolver, TestWatcher {

  static final String REQUIRED = "browser.required";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

  /** Checked before each test instance is made, so that every skipped test is reported as skipped. */
  @Override
  public void preConstructTestInstance(TestInstanceFactoryContext factory, ExtensionContext context) {
    requireOrSkip(List.of(Browser.CHROMIUM, Browser.CHROMEDRIVER), Boolean.getBoolean(REQUIRED),
        context.getRequiredTestClass().getSimpleName());
  }

  /** Skips (or, when the browser is required, fails) the tests of {@code who} unless every program is there. */
  static void requireOrSkip(List<Path> programs, boolean required, String who) {
    List<String> missing = programs.stream().filter(p -> !Files.isExecutable(p)).map(Path::toString).toList();
    if (missing.isEmpty()) {
      return;
    }
    String why = String.join(" and ", missing) + " not found (apt-get install -y chromium chromium-driver)";
    if (required) {
      throw new IllegalStateException("Browser tests are required (-D" + REQUIRED + "=true) but " + why);
    }
    String message = "Browser tests skipped: " + why + "; with -D" + REQUIRED + "=true they fail instead";
    System.err.println("[" + who + "] " + message);
    Assumptions.abort(message);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Browser.class || type == CaseStates.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == CaseStates.class) {
      return CaseStates.of(SpringExtension.getApplicationContext(context));
    }
    // Kept in the root store: one Chromium for every browser test class, closed when the run ends.
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Browser.class, k -> Browser.start(), Browser.class);
  }

  /** What the browser showed when a test failed, next to the steps' screenshots. */
  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Browser browser = context.getRoot().getStore(NAMESPACE).get(Browser.class, Browser.class);
    if (browser != null) {
      browser.screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
          + context.getRequiredTestMethod().getName());
    }
  }
}
