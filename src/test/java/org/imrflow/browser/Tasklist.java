package org.imrflow.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Camunda Tasklist as a coordinator or reviewer uses it. */
final class Tasklist extends Webapp {

  private static final By FILTERS = By.cssSelector(".task-filter h4.name a");
  private static final By COMPLETE = By.cssSelector(".task-details button[ng-click='complete()']");
  private static final By CLAIM = By.cssSelector(".task-details button.claim");
  private static final By START = By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']");
  /** The task list's pager (uib-pagination): the next page, while there is one. */
  private static final By NEXT_PAGE = By.cssSelector("ul.pagination li.pagination-next:not(.disabled) a");

  Tasklist(Browser browser, String baseUrl) {
    super(browser, baseUrl, "tasklist");
  }

  @Override
  void loginAs(String userId) {
    super.loginAs(userId);
    browser.visible(FILTERS);
  }

  /** The names of the filters the user sees, in their order. */
  List<String> filters() {
    browser.visible(FILTERS);
    return browser.driver().findElements(FILTERS).stream()
        .map(a -> a.getText().replaceAll("\\s*\\(?\\d+\\)?\\s*$", "").trim()).toList();
  }

  /** Shows a filter's tasks; clicking it again reloads them. */
  void openFilter(String name) {
    browser.click(filter(name));
    browser.visible(By.xpath("//div[contains(@class, 'task-filter') and contains(@class, 'active')]"
        + "//h4/a[contains(normalize-space(.), '" + name + "')]"));
  }

  /**
   * Waits until the filter lists the task, reloading the list as a user would, and paging on as they
   * would when it is not among the first: the list shows 15 tasks a page, and the suite's other
   * tests leave the demo reviewers cases with earlier due dates.
   */
  void waitForTask(String filterName, String taskId) {
    browser.waiting().withMessage("task " + taskId + " in filter " + filterName).until(d -> {
      openFilter(filterName);
      for (int page = 1; page <= 20; page++) {
        try {
          browser.waiting().withTimeout(Duration.ofSeconds(page == 1 ? 10 : 5))
              .until(ExpectedConditions.presenceOfElementLocated(taskLink(taskId)));
          return true;
        } catch (TimeoutException notOnThisPage) {
          List<WebElement> next = browser.driver().findElements(NEXT_PAGE).stream().filter(WebElement::isDisplayed)
              .toList();
          if (next.isEmpty()) {
            return false;
          }
          browser.click(next.get(0));
        }
      }
      return false;
    });
  }

  /** What the list shows of a task: its name, process, dates and the variables the filter names. */
  String listEntry(String taskId) {
    // Read again when the list redraws in between (a stale element).
    return browser.waiting().until(d -> {
      try {
        return browser.visible(taskLink(taskId)).findElement(By.xpath("./ancestor::li[contains(@class, 'task')][1]"))
            .getText().replaceAll("\\s+", " ").trim();
      } catch (StaleElementReferenceException redrawn) {
        return null;
      }
    });
  }

  /** Ids of the tasks the current filter shows. */
  List<String> listedTaskIds() {
    return browser.driver().findElements(By.cssSelector("li.task h4 a[href^='#/?task=']")).stream()
        .map(a -> a.getAttribute("href").replaceAll(".*[?&]task=([^&]+).*", "$1")).toList();
  }

  /** Opens a task from the list and returns its form. */
  CamundaForm openTask(String taskId) {
    List<WebElement> previous = browser.driver().findElements(By.cssSelector(".task-details .fjs-form"));
    browser.click(taskLink(taskId));
    previous.forEach(old -> browser.waiting().until(ExpectedConditions.stalenessOf(old)));
    return new CamundaForm(browser, ".task-details");
  }

  /** Opens a task by its address, as a bookmarked or shared link does. */
  void openTaskLink(String taskId) {
    browser.open(url + "#/?task=" + taskId);
  }

  boolean showsTaskForm() {
    return browser.driver().findElements(By.cssSelector(".task-details .fjs-form")).stream()
        .anyMatch(WebElement::isDisplayed);
  }

  void claim() {
    browser.click(CLAIM);
    browser.gone(CLAIM);
  }

  boolean completeEnabled() {
    return browser.visible(COMPLETE).isEnabled();
  }

  /** "Save": Tasklist keeps what the form holds as a draft in the browser until the task is completed. */
  void saveDraft() {
    By save = By.cssSelector("button[ng-click='save($event)']");
    browser.waiting().withMessage("Save enabled").until(d -> browser.visible(save).isEnabled());
    browser.click(save);
  }

  void complete() {
    dismissNotifications();
    browser.click(COMPLETE);
  }

  /** Opens "Start process", picks the process and returns its start form. */
  CamundaForm startForm(String processName) {
    browser.click(By.xpath("//a[contains(normalize-space(.), 'Start process')]"));
    browser.click(By.xpath("//ul[contains(@class, 'processes')]//a[normalize-space(.) = '" + processName + "']"));
    return new CamundaForm(browser, ".modal-content");
  }

  boolean startEnabled() {
    return browser.visible(START).isEnabled();
  }

  void start() {
    browser.click(START);
  }

  private By filter(String name) {
    return By.xpath("//div[contains(@class, 'task-filter')]//h4/a[contains(normalize-space(.), '" + name + "')]");
  }

  private static By taskLink(String taskId) {
    return By.cssSelector("li.task h4 a[href='#/?task=" + taskId + "']");
  }
}
