package org.imrflow.browser;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A Camunda Form (form-js) as Tasklist renders it, its fields found by key: form-js gives every
 * input the id {@code fjs-form-<random>-<key>}.
 */
final class CamundaForm {

  /** form-js shows dates as US month/day/year without zero padding ("12/1/2026"). */
  private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);

  private final Browser browser;
  private final String scope;

  /** @param scope CSS selector of the element the form is in, such as Tasklist's start dialog */
  CamundaForm(Browser browser, String scope) {
    this.browser = browser;
    this.scope = scope + " ";
    browser.visible(By.cssSelector(this.scope + ".fjs-form"));
  }

  WebElement field(String key) {
    return browser.visible(input(key));
  }

  /** Types into an empty text field, number field or text area. */
  CamundaForm type(String key, String text) {
    WebElement field = field(key);
    browser.click(field);
    field.sendKeys(text);
    return this;
  }

  /** Empties a text field or text area the way a user does, so that the form hears of it. */
  CamundaForm clear(String key) {
    WebElement field = field(key);
    browser.click(field);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    return this;
  }

  /**
   * A date typed as Tasklist shows it, then Tab: form-js takes the date when the field loses focus,
   * and closes the field's calendar, which would cover the fields below. (The calendar of a date
   * field that the Tab reaches opens in turn.)
   */
  CamundaForm date(String key, LocalDate day) {
    WebElement field = field(key + "-date");
    browser.click(field);
    field.sendKeys(US_DATE.format(day), Keys.TAB);
    WebElement container = formField(field);
    browser.waiting().until(d -> container.findElements(By.cssSelector(".flatpickr-calendar.open")).isEmpty());
    return this;
  }

  CamundaForm check(String key) {
    WebElement box = field(key);
    if (!box.isSelected()) {
      browser.click(box);
    }
    return this;
  }

  /** Ticks the radio button or checklist box whose label starts with {@code label}. */
  CamundaForm choose(String key, String label) {
    WebElement input = browser.visible(By.xpath(xpathScope() + "//label[starts-with(normalize-space(.), "
        + literal(label) + ")]/input[starts-with(@id, 'fjs-form-') and contains(@id, '-" + key + "-')]"));
    if (!input.isSelected()) {
      browser.click(input);
    }
    return this;
  }

  /** Opens a dropdown and returns the options its list shows; the list stays open. */
  List<String> options(String key) {
    return openDropdown(key).findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .map(WebElement::getText).map(String::trim).toList();
  }

  /** Picks the dropdown option whose text starts with {@code label}. */
  CamundaForm select(String key, String label) {
    WebElement field = openDropdown(key);
    WebElement option = field.findElement(By.xpath(".//div[contains(@class, 'fjs-dropdownlist-item')]"
        + "[starts-with(normalize-space(.), " + literal(label) + ")]"));
    browser.click(option);
    browser.waiting().until(ExpectedConditions.invisibilityOf(option));
    return this;
  }

  String value(String key) {
    return browser.present(input(key)).getAttribute("value");
  }

  String dateValue(String key) {
    return value(key + "-date");
  }

  /** The form's validation message under a field, or "" when it shows none. */
  String error(String key) {
    List<WebElement> errors = browser.driver().findElements(
        By.cssSelector(scope + "[id^='fjs-form-'][id$='-" + key + "-error-message']"));
    return errors.isEmpty() ? "" : errors.get(0).getText().trim();
  }

  /** Everything the form shows, as text. */
  String text() {
    return browser.visible(By.cssSelector(scope + ".fjs-form")).getText();
  }

  /** A date as Tasklist's date fields show it. */
  static String usDate(LocalDate day) {
    return US_DATE.format(day);
  }

  private By input(String key) {
    return By.cssSelector(scope + "[id^='fjs-form-'][id$='-" + key + "']");
  }

  /** Opens a select's list unless it is open, and returns the select's form field, which holds the list. */
  private WebElement openDropdown(String key) {
    WebElement field = formField(browser.present(input(key)));
    if (field.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty()) {
      List<WebElement> display = field.findElements(By.cssSelector(".fjs-select-display"));
      // A searchable select is a text input; a plain one shows its value in a div over a hidden input.
      browser.click(display.isEmpty() ? field(key) : display.get(0));
      browser.waiting().until(d -> !field.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty());
    }
    return field;
  }

  /** The form-js field (label, input, messages) an input belongs to. */
  private static WebElement formField(WebElement input) {
    return input.findElement(
        By.xpath("./ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]"));
  }

  private String xpathScope() {
    String css = scope.trim();
    if (!css.matches("\\.[\\w-]+")) {
      throw new IllegalArgumentException("a form's scope must be one class selector, not " + css);
    }
    return "//*[contains(concat(' ', normalize-space(@class), ' '), ' " + css.substring(1) + " ')]";
  }

  private static String literal(String text) {
    return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
  }
}
