package org.imrflow.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.imrflow.EngineClock;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through /usr/bin/chromedriver. One is started for the whole
 * test run (see {@link BrowserExtension}) and closed at its end; tests log in and out instead of
 * starting browsers.
 */
final class Browser implements ExtensionContext.Store.CloseableResource {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Generous: the machines running the suite have 2 busy cores. Waits end as soon as they can. */
  static final Duration WAIT = Duration.ofSeconds(45);

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
    this.service = service;
    this.driver = driver;
    this.profile = profile;
  }

  static Browser start() {
    // Selenium 4.31 knows CDP versions up to 135 and warns about Debian's newer Chromium on every
    // start; the tests use plain WebDriver only.
    Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    try {
      Path profile = Files.createTempDirectory("imrflow-chromium-");
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile())
          .usingAnyFreePort()
          .build();
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--no-first-run", "--user-data-dir=" + profile,
          "--window-size=1440,1000", "--lang=en-US");
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
      shiftDate(driver, EngineClock.offsetMillis());
      return new Browser(service, driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The browser's clock on the suite's day (-Dimrflow.test.now): every page's Date runs that far
   * ahead, as the business clock does, so that what Tasklist shows as "today" is the suite's today.
   */
  private static void shiftDate(ChromeDriver driver, long offsetMillis) {
    if (offsetMillis == 0) {
      return;
    }
    String script = "(() => { const Real = Date, offset = " + offsetMillis + ";"
        + " class Shifted extends Real { constructor(...a) { if (a.length === 0) { super(Real.now() + offset); }"
        + " else { super(...a); } } static now() { return Real.now() + offset; } }"
        + " window.Date = Shifted; })();";
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", script));
  }

  WebDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  WebElement visible(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement present(By by) {
    return waiting().until(ExpectedConditions.presenceOfElementLocated(by));
  }

  void gone(By by) {
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(by));
  }

  /** Waits for something outside the page (the engine, the database) to come true. */
  void until(String what, BooleanSupplier condition) {
    waiting().withMessage(what).until(d -> condition.getAsBoolean());
  }

  /** Scrolls the element to the middle of the window first: Tasklist's footer covers the bottom. */
  void click(WebElement element) {
    script("arguments[0].scrollIntoView({block: 'center'});", element);
    waiting().until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /**
   * Clicks what the locator finds, finding it again while the page redraws it: Tasklist re-renders
   * its task list now and then, and an element found before a redraw goes stale.
   */
  void click(By by) {
    waiting().withMessage("clickable: " + by).until(d -> {
      try {
        WebElement element = d.findElement(by);
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        if (!element.isDisplayed() || !element.isEnabled()) {
          return false;
        }
        element.click();
        return true;
      } catch (NoSuchElementException | StaleElementReferenceException
          | ElementClickInterceptedException redrawnOrCovered) {
        return false;
      }
    });
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Saves the window as target/screenshots/{name}.png. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteProfile();
    }
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary profile is harmless.
    }
  }
}
