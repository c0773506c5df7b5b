package org.imrflow.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Camunda Cockpit as a manager uses it to follow cases, with IMRflow's SLA board plugin. */
final class Cockpit extends Webapp {

  private static final By SLA_TABLE = By.cssSelector(".imr-sla table.imr-sla__table");
  private static final By SHOW_MORE = By.xpath("//div[contains(@class, 'imr-sla__more')]/button[normalize-space(.) = 'Show more']");

  Cockpit(Browser browser, String baseUrl) {
    super(browser, baseUrl, "cockpit");
  }

  /** The dashboard's "Right Now" section has loaded, and the SLA board's tile shows its counts. */
  void waitForDashboard() {
    browser.visible(By.xpath("//h1[normalize-space(.) = 'Right Now']"));
    browser.visible(By.cssSelector(".imr-sla-tile .imr-sla__counts"));
  }

  /** Opens the SLA board from Cockpit's header and waits for its table of open cases. */
  void openSlaBoard() {
    browser.click(By.xpath("//a[@href = '#/sla' and normalize-space(.) = 'SLA board']"));
    browser.visible(By.xpath("//div[contains(@class, 'imr-sla')]//h1[normalize-space(.) = 'SLA board']"));
    browser.visible(SLA_TABLE);
  }

  /** The board's row of a case, scrolled to, showing more rows (most urgent come first) until it is there. */
  WebElement slaRow(String caseNumber) {
    By row = By.xpath("//table[contains(@class, 'imr-sla__table')]//tr[td[contains(@class, 'imr-sla__case')"
        + " and normalize-space(.) = '" + caseNumber + "']]");
    return browser.waiting().withMessage(() -> "case " + caseNumber + " on the SLA board, which shows: "
        + browser.driver().findElements(By.cssSelector(".imr-sla")).stream().map(WebElement::getText).toList())
        .until(d -> {
          // Rows below the fold count as not displayed until scrolled to (the page is laid out lazily).
          d.findElements(row).forEach(r -> browser.script("arguments[0].scrollIntoView({block: 'center'});", r));
          WebElement shown = d.findElements(row).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
          if (shown == null) {
            d.findElements(SHOW_MORE).stream().filter(b -> b.isDisplayed() && b.isEnabled()).findFirst()
                .ifPresent(browser::click);
          }
          return shown;
        });
  }

  /** Follows the board's link from a case to its process instance page. */
  void followProcessInstanceLink(String caseNumber) {
    browser.click(slaRow(caseNumber).findElement(By.xpath(".//a[normalize-space(.) = 'Process instance']")));
    browser.visible(By.xpath("//dt[normalize-space(.) = 'Business Key:']"));
  }

  /** A value of the instance page's information panel, such as "Business Key". */
  String information(String label) {
    WebElement dt = browser.visible(By.xpath("//dt[normalize-space(.) = '" + label + ":']"));
    return dt.findElement(By.xpath("following-sibling::dd[1]")).getText().trim();
  }

  /** How many tokens the diagram shows on an activity, 0 when it shows none. */
  int tokensOn(String activityId) {
    By badge = By.cssSelector(".djs-overlays[data-container-id='" + activityId + "'] .badge.instance-count");
    return browser.driver().findElements(badge).stream().map(WebElement::getText).map(String::trim)
        .filter(t -> t.matches("\\d+")).mapToInt(Integer::parseInt).sum();
  }

  /** The value the Variables tab shows for a variable (its first row when several scopes have it). */
  String variable(String name) {
    WebElement row = browser.visible(By.xpath("//table//tr[td[1][normalize-space(.) = '" + name + "']]"));
    return row.findElement(By.xpath("td[3]")).getText().trim();
  }
}
