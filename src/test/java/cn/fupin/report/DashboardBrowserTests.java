package cn.fupin.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fupin.household.HouseholdJson;
import cn.fupin.system.ApiTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard in a real browser (the system's headless Chromium, which .ci/run installs): sign in, see the
 * charts drawn with no console error, drill into a region, open a household's 明白卡. A screenshot of each
 * page is kept under target/screenshots.
 */
class DashboardBrowserTests extends ApiTestBase {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    WebDriver browser;
    /**
     * A city of a province no other test registers in: the blind spots it counts are its own (under "54",
     * the import tests' counties fell into it now and then, with households never evaluated).
     */
    final String city = "61" + String.format("%02d", ThreadLocalRandom.current().nextInt(100));

    @BeforeEach
    void browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Path.of("/usr/bin/chromium").toString());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100", "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    void register(String region, int n, boolean evaluate) {
        String id = region + "-" + n;
        ObjectNode h = HouseholdJson.household(id).put("regionCode", region);
        assertThat(api.put("/api/households/" + id, "caseworker", h, null).status())
                .isEqualTo(201);
        if (evaluate) {
            assertThat(api.post("/api/households/" + id + "/evaluations?asOf=2020-06-30", "caseworker", "")
                            .status())
                    .isEqualTo(201);
        }
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(
                    SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void awaitDashboard() {
        try {
            waitForDashboard();
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed");
            throw new AssertionError(
                    "the dashboard did not finish drawing at " + browser.getCurrentUrl() + "; console: "
                            + browser.manage().logs().get(LogType.BROWSER).getAll(),
                    e);
        }
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-error"))
                .isNull();
    }

    /** Follows a link of the dashboard that draws it again, and waits for the new page to finish drawing. */
    void follow(Runnable navigation) {
        org.openqa.selenium.WebElement page = browser.findElement(By.tagName("body"));
        navigation.run();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        awaitDashboard();
    }

    void waitForDashboard() {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(b -> "true".equals(b.findElement(By.tagName("body")).getDomAttribute("data-ready"))
                        || b.findElement(By.tagName("body")).getDomAttribute("data-error") != null);
    }

    /** Each chart is a canvas with something drawn on it: some pixels not blank. */
    void assertChartsDrawn() {
        Object drawn = ((JavascriptExecutor) browser).executeScript("""
                return ['causes', 'coverage'].map(id => {
                  const canvas = document.querySelector('#' + id + ' canvas');
                  if (!canvas) return 0;
                  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                  let painted = 0;
                  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
                  return painted;
                });
                """);
        assertThat((List<?>) drawn)
                .allSatisfy(
                        painted -> assertThat(((Number) painted).longValue()).isGreaterThan(1000));
    }

    List<LogEntry> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    @Test
    void anOfficerSignsInSeesTheChartsDrillsIntoARegionAndOpensAHouseholdsCard() {
        for (int n = 0; n < 3; n++) {
            register(city + "01", n, true);
        }
        register(city + "02", 0, false);
        // A quality-only run over the city: the dashboard's quality panel draws its findings.
        api.completedRun(Map.of("qualityOnly", true, "regionCode", city, "asOf", "2020-06-30"));
        String base = "http://localhost:" + port;

        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.name("username")).sendKeys("policy");
        browser.findElement(By.name("password")).sendKeys("wrong");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // The refusal is a new page: wait for it, as a person would (under load it takes a moment).
        assertThat(new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(b -> b.findElement(By.id("error")))
                        .getText())
                .contains("不正确");
        browser.findElement(By.name("username")).sendKeys("policy");
        browser.findElement(By.name("password"))
                .sendKeys(environment
                        .getProperty("app.security.users.policy.password")
                        .replace("{noop}", ""));
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        awaitDashboard();
        assertChartsDrawn();
        assertThat(browser.findElement(By.id("monitoring")).getText()).contains("全省合计");
        screenshot("dashboard");

        follow(() -> browser.findElement(By.linkText(city.substring(0, 2))).click());
        follow(() -> browser.findElement(By.linkText(city)).click());
        assertChartsDrawn();
        assertThat(browser.findElement(By.id("breadcrumb")).getText()).contains(city);
        assertThat(browser.findElement(By.id("monitoring")).getText()).contains(city + "01", city + "02");
        assertThat(browser.findElement(By.id("spots")).getText()).contains("从未评估：1 户");
        // The three evaluated households were evaluated for 2020-06-30, months before the service's today.
        assertThat(browser.findElement(By.id("spots")).getText())
                .containsPattern("超期未排查（评估日期早于 \\d{4}-\\d{2}-\\d{2}）：3 户")
                .contains("评估后档案已修改：0 户");
        // Every household of the fixture lists two heads.
        assertThat(browser.findElement(By.id("quality")).getText()).contains("户主重复", "HEAD_NOT_UNIQUE");
        assertThat(browser.findElement(By.id("quality-summary")).getText()).contains("涉及 4 户");
        screenshot("region");

        browser.findElement(By.partialLinkText("从未评估")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> !b.findElements(By.id("spot-table")).isEmpty());
        browser.findElement(By.cssSelector("#spot-table a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> b.getPageSource().contains("精准扶贫明白卡"));
        assertThat(browser.getPageSource()).contains(city + "02-0");
        screenshot("card");

        assertThat(consoleErrors()).isEmpty();

        browser.navigate().back();
        awaitDashboard();
        follow(() -> browser.navigate().back());
        assertThat(browser.findElement(By.id("breadcrumb")).getText())
                .as("back from the card and from the city")
                .doesNotContain(city);
        browser.findElement(By.cssSelector("form.signout button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> b.getCurrentUrl().endsWith("/login?signedOut"));
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).as("signed out").endsWith("/login");
    }
}
