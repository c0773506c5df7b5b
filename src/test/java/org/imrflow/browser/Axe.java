package org.imrflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * axe-core's WCAG 2.0 and 2.1 level A and AA rules on a page, as an accessibility reviewer runs them.
 * What IMRflow renders (the SLA board plugin, our forms as form-js draws them) must have no
 * violation; what the rest of the page has (Camunda's own chrome: header, menus, dialogs, task list)
 * is written to target/axe/{page}.txt, and listed in the README, but does not fail the test.
 */
final class Axe {

  static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static final Path REPORTS = Path.of("target", "axe");

  private Axe() {
  }

  /**
   * @param page a name for the report file
   * @param ours CSS selectors of the elements IMRflow renders on the page
   */
  static void check(Browser browser, String page, String... ours) {
    AxeBuilder mine = new AxeBuilder().withTags(WCAG_A_AA);
    AxeBuilder rest = new AxeBuilder().withTags(WCAG_A_AA);
    for (String selector : ours) {
      mine.include(selector);
      rest.exclude(selector);
    }
    Results theirs = rest.analyze(browser.driver());
    write(page, theirs);
    Results results = mine.analyze(browser.driver());
    assertThat(results.isErrored()).as("axe ran on " + page + ": " + results.getErrorMessage()).isFalse();
    assertThat(describe(results.getViolations())).as("WCAG 2.1 A/AA violations in IMRflow's part of " + page)
        .isEmpty();
  }

  private static List<String> describe(List<Rule> violations) {
    List<String> lines = new ArrayList<>();
    for (Rule rule : violations) {
      for (CheckedNode node : rule.getNodes()) {
        lines.add(rule.getId() + " (" + rule.getImpact() + ", " + rule.getHelp() + ") at " + node.getTarget() + ": "
            + node.getFailureSummary() + " | " + node.getHtml());
      }
    }
    return lines;
  }

  private static void write(String page, Results results) {
    try {
      Files.createDirectories(REPORTS);
      List<String> lines = new ArrayList<>(List.of("# axe-core " + String.join(", ", WCAG_A_AA)
          + " outside IMRflow's elements on " + page + " (" + results.getUrl() + ")"));
      if (results.isErrored()) {
        lines.add("axe could not run: " + results.getErrorMessage());
      }
      lines.addAll(describe(results.getViolations()));
      Files.write(REPORTS.resolve(page + ".txt"), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
