package org.imrflow.browser;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The skipping rule of API.md §1, without touching the machine's Chromium. */
class BrowserExtensionTest {

  private static final Path NOWHERE = Path.of("/nonexistent/chromedriver");
  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

  @Test
  void missingBrowserSkipsTheTestsAndSaysWhy() {
    assertThatThrownBy(() -> BrowserExtension.requireOrSkip(List.of(JAVA, NOWHERE), false, "SomeBrowserTest"))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("Browser tests skipped: /nonexistent/chromedriver not found")
        .hasMessageContaining("-Dbrowser.required=true");
  }

  @Test
  void missingBrowserFailsTheTestsWhenRequired() {
    assertThatThrownBy(() -> BrowserExtension.requireOrSkip(List.of(NOWHERE), true, "SomeBrowserTest"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("required (-Dbrowser.required=true) but /nonexistent/chromedriver not found");
  }

  @Test
  void presentProgramsLetTheTestsRun() {
    assertThatCode(() -> BrowserExtension.requireOrSkip(List.of(JAVA), true, "SomeBrowserTest"))
        .doesNotThrowAnyException();
  }
}
