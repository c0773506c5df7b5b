package org.imrflow.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** What Tasklist and Cockpit share: the login page, the account menu and the notifications. */
abstract class Webapp {

  private static final By USERNAME = By.cssSelector("input[ng-model='username']");
  private static final By ACCOUNT_MENU = By.cssSelector("li.account > a.dropdown-toggle");
  private static final By NOTIFICATION = By.cssSelector(".page-notifications .alert, .modal-body .notifications .alert");

  final Browser browser;
  final String baseUrl;
  final String url;

  /** @param app the app's name in its address: tasklist or cockpit */
  Webapp(Browser browser, String baseUrl, String app) {
    this.browser = browser;
    this.baseUrl = baseUrl;
    this.url = baseUrl + "/camunda/app/" + app + "/default/";
  }

  /**
   * Logs in with the password of the demo data (the user id). Whoever was logged in is forgotten
   * first: the webapps share one session (a reviewer's session would get Cockpit's 403 page), and
   * Tasklist keeps form drafts in local storage. Both are cleared from a plain page of the same
   * origin, so that the app's page is then loaded fresh, never reloaded.
   */
  void loginAs(String userId) {
    browser.open(baseUrl + "/actuator/health");
    browser.driver().manage().deleteAllCookies();
    browser.script("window.localStorage.clear(); window.sessionStorage.clear();");
    browser.open(url);
    By password = By.cssSelector("input[ng-model='password']");
    // The login page focuses its user field once Angular has rendered it, which can steal keys meant
    // for the password field: type until both fields hold what was typed.
    browser.waiting().withMessage("the login form filled in").until(d -> {
      WebElement user = browser.visible(USERNAME);
      WebElement secret = browser.visible(password);
      user.clear();
      user.sendKeys(userId);
      secret.clear();
      secret.sendKeys(userId);
      return userId.equals(user.getDomProperty("value")) && userId.equals(secret.getDomProperty("value"));
    });
    browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    browser.visible(ACCOUNT_MENU);
  }

  /** Logs out through the account menu, as a person does, and waits for the login page. */
  void logout() {
    browser.click(ACCOUNT_MENU);
    browser.click(By.xpath("//li[contains(@class, 'account')]//a[normalize-space(.)='Log out']"));
    browser.visible(USERNAME);
  }

  /** Everything the app's pages left in the browser's localStorage and sessionStorage, as text. */
  String storage() {
    return (String) browser.script("return JSON.stringify(window.localStorage) + JSON.stringify(window.sessionStorage);");
  }

  /** The text of the first notification shown (an error or a success message), once one shows. */
  String notification() {
    return browser.visible(NOTIFICATION).getText().replaceAll("\\s+", " ").replace("×", "").trim();
  }

  /** The texts of the notifications shown now. */
  List<String> notifications() {
    return browser.driver().findElements(NOTIFICATION).stream().filter(WebElement::isDisplayed)
        .map(n -> n.getText().replaceAll("\\s+", " ").replace("×", "").trim()).toList();
  }

  /** Closes every notification: they cover the buttons at the bottom right. */
  void dismissNotifications() {
    browser.driver().findElements(By.cssSelector(".page-notifications .alert button.close"))
        .stream().filter(WebElement::isDisplayed).forEach(WebElement::click);
    browser.gone(By.cssSelector(".page-notifications .alert"));
  }
}
