package org.imrflow.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Camunda Cockpit as a manager uses it to follow cases. */
final class Cockpit extends Webapp {

  Cockpit(Browser browser, String baseUrl) {
    super(browser, baseUrl, "cockpit");
  }

  /** The dashboard's "Right Now" section, which counts running instances, incidents and tasks. */
  void waitForDashboard() {
    browser.visible(By.xpath("//h1[normalize-space(.) = 'Right Now']"));
    browser.visible(By.xpath("//*[@placeholder = 'Running Process Instances']//*[normalize-space(.) != '']"));
  }

  void openProcesses() {
    browser.click(By.cssSelector("a[href='#/processes']"));
    browser.visible(By.xpath("//a[contains(@href, '#/process-definition/')]"));
  }

  void openProcessDefinition(String name) {
    browser.click(By.xpath("//a[contains(@href, '#/process-definition/') and normalize-space(.) = '" + name + "']"));
    browser.visible(By.xpath("//a[normalize-space(.) = 'Process Instances']"));
  }

  /** The row of the process instance list that shows this business key. */
  WebElement instanceRow(String businessKey) {
    return browser.visible(By.xpath("//tr[td[normalize-space(.) = '" + businessKey + "']]"));
  }

  /** Follows the instance's link in the list to its page. */
  void openInstance(String businessKey, String processInstanceId) {
    instanceRow(businessKey);
    browser.click(By.xpath("//tr[td[normalize-space(.) = '" + businessKey + "']]"
        + "//a[contains(@href, '#/process-instance/" + processInstanceId + "') and normalize-space(.) != '']"));
    browser.visible(By.xpath("//*[normalize-space(.) = 'Business Key:']"));
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

  /** The value the Variables tab shows for a variable of the process instance's own scope. */
  String variable(String name) {
    WebElement row = browser.visible(By.xpath("//table//tr[td[1][normalize-space(.) = '" + name + "']]"));
    return row.findElement(By.xpath("td[3]")).getText().trim();
  }
}
