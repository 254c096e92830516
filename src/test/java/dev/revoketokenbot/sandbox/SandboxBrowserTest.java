package dev.revoketokenbot.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revoketokenbot.support.SandboxProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sandbox page in headless Chromium, the whole story as a new user plays it: ask as the
 * requester, approve as an approver through the confirm dialog, see "revoked", the audit record, and
 * the token gone from InfluxDB. Debian's {@code chromium} and {@code chromium-driver} run it (.ci/run
 * installs them); the driver is given by path, so Selenium Manager never runs and nothing is
 * downloaded. Saves a screenshot to target/sandbox.png, and to {@code -Dsandbox.screenshot=<path>}
 * when asked (the README's docs/sandbox.png).
 */
@QuarkusTest
@TestProfile(SandboxProfile.class)
class SandboxBrowserTest {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** A loaded two-core machine can be slow to start Chromium and the bot's follow-ups. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final String ID = "07c2e91fa4d3b065";

    @TestHTTPResource("/sandbox")
    URL page;

    private Path profile;
    private WebDriver browser;
    private FluentWait<WebDriver> wait;

    @BeforeEach
    void openChromium() throws IOException {
        assertThat(CHROMEDRIVER)
                .as("Debian's chromium-driver (apt-get install chromium chromium-driver; .ci/run does)")
                .isExecutable();
        given().post("/sandbox/api/start-over").then().statusCode(204);
        profile = Files.createTempDirectory("sandbox-chromium-");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1400,900",
                        "--user-data-dir=" + profile);
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aRequestIsApprovedThroughTheConfirmDialogAndTheTokenIsGone() throws IOException {
        browser.get(page.toString());
        wait.until(d -> tokens().size() == 6);
        assertThat(token(ID).getText()).contains(ID, "CI pipeline: writes build metrics", "ci-writer", "acme-prod");
        assertThat(token(ID).getDomAttribute("data-status")).isEqualTo("active");

        actAs("requester");
        WebElement input = browser.findElement(testId("command-input"));
        input.clear();
        input.sendKeys("/revoke-token " + ID + " --reason pasted in a public gist");
        browser.findElement(testId("send")).click();

        WebElement request = wait.until(d -> message("Revoke InfluxDB API token?"));
        assertThat(request.getText())
                .contains(ID, "CI pipeline: writes build metrics", "ci-writer", "acme-prod", "@riley")
                .contains("pasted in a public gist");
        assertThat(wait.until(d -> message("Looking up authorization")).getText())
                .contains("Only visible to you");

        actAs("approver");
        wait.until(d -> {
            message("Revoke InfluxDB API token?")
                    .findElement(By.xpath(".//button[normalize-space()='Revoke']"))
                    .click();
            return true;
        });
        WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(testId("confirm-dialog")));
        assertThat(confirm.getText()).contains("Revoke this token?", ID, "cannot be undone");
        assertThat(browser.findElement(testId("confirm-no")).getText()).isEqualTo("Keep it");
        browser.findElement(testId("confirm-yes")).click();

        WebElement revoked = wait.until(d -> message("revoked by @avery"));
        assertThat(revoked.getText()).contains(ID, "requested by @riley", "Verified: InfluxDB no longer has it");
        assertThat(revoked.findElements(By.tagName("button"))).isEmpty();
        WebElement audit = wait.until(d -> message("Audit: InfluxDB token"));
        assertThat(audit.getText()).contains(ID, "revoked by @avery", "#incident", "pasted in a public gist");
        wait.until(d -> tokens().size() == 5);
        assertThat(tokens()).noneSatisfy(token -> assertThat(token.getText()).contains(ID));
        assertThat(browser.getPageSource()).doesNotContain("sandbox-fake-token");

        saveScreenshot();
    }

    private void actAs(String role) {
        Select people = new Select(browser.findElement(testId("user-picker")));
        String option = people.getOptions().stream()
                .map(WebElement::getText)
                .filter(text -> text.endsWith("(" + role + ")"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no one plays " + role));
        people.selectByVisibleText(option);
    }

    /** The newest message that says {@code text}, or null while there is none. */
    private WebElement message(String text) {
        List<WebElement> found = browser.findElements(testId("message")).stream()
                .filter(message -> message.getText().contains(text))
                .toList();
        return found.isEmpty() ? null : found.get(found.size() - 1);
    }

    private List<WebElement> tokens() {
        return browser.findElements(testId("influx-token"));
    }

    private WebElement token(String id) {
        return browser.findElement(By.cssSelector("[data-testid='influx-token'][data-id='" + id + "']"));
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private void saveScreenshot() throws IOException {
        byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", "sandbox.png"), png);
        String copy = System.getProperty("sandbox.screenshot");
        if (copy != null && !copy.isBlank()) {
            Files.write(Path.of(copy), png);
        }
    }
}
