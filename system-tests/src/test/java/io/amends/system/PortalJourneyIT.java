package io.amends.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The client's journey in a real browser: a client signs in, raises a complaint, sees the apology and a commitment
 * appear after the account manager acts (through the API, as alice), confirms the resolution and rates it; a client of
 * another account never sees any of it. Screenshots go to {@code target/screenshots}.
 */
class PortalJourneyIT {

    private final URI base = AmendsServer.get().base();
    private WebDriver browser;
    private WebDriver strangersBrowser;

    @BeforeEach
    void browsers() throws IOException {
        browser = chromium("client");
        strangersBrowser = chromium("stranger");
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (strangersBrowser != null) {
            strangersBrowser.quit();
        }
    }

    @Test
    void aClientRaisesAComplaintFollowsItConfirmsTheResolutionAndRatesItWhileAnotherClientSeesNothing() throws IOException {
        PortalData.Tenant client = PortalData.tenant("en");
        PortalData.Tenant stranger = PortalData.tenant("en");

        signIn(browser, client.client());
        assertThat(browser.getCurrentUrl()).contains("/portal/index.xhtml");
        assertThat(text(browser)).contains("Hello, Erika Muster").contains(client.accountName());
        browser.findElement(By.id("raise")).click();
        browser.findElement(By.id("complaint:title")).sendKeys("Pallets arrived crushed");
        browser.findElement(By.id("complaint:description")).sendKeys("Four of our ten pallets arrived crushed this morning.");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("complaint:severity"))).selectByValue("HIGH");
        screenshot(browser, "1-complaint");
        browser.findElement(By.id("complaint:send")).click();
        waitFor(browser, By.id("case-key"));
        String key = browser.findElement(By.id("case-key")).getText();
        long caseId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
        assertThat(key).matches("AMD-\\d{4}-\\d{6}");
        assertThat(text(browser)).contains("Thank you for telling us").contains("Pallets arrived crushed");
        screenshot(browser, "2-raised");

        // the account manager acts, through the API
        PortalData.logContact(caseId, client.contactId(), "Erika told me four pallets arrived crushed");
        PortalData.sendApology(caseId, client.contactId(), PortalData.LETTER);
        long commitment = PortalData.commit(caseId, "Re-pack every pallet with corner guards", 14);
        PortalData.note(caseId, commitment, "Corner guards are ordered", true);

        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("apologies")).getText()).contains("we billed you two weeks early");
        assertThat(browser.findElement(By.id("commitments")).getText()).contains("Re-pack every pallet with corner guards")
                .contains("Corner guards are ordered");
        screenshot(browser, "3-apology-and-commitment");

        PortalData.done(caseId, commitment);
        PortalData.resolve(caseId, "New pallets delivered, packing changed");
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("case-status")).getText()).contains("Resolved");
        screenshot(browser, "4-asked-to-confirm");
        browser.findElement(By.id("answer:resolved")).click();
        waitFor(browser, By.id("case-status"));
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("Closed");
        assertThat(text(browser)).contains("Thank you for confirming");

        browser.findElement(By.cssSelector("input[name='rate:score'][value='5']")).click();
        browser.findElement(By.id("rate:comment")).sendKeys("Quick and honest. Thank you.");
        browser.findElement(By.id("rate:send")).click();
        waitFor(browser, By.id("current-rating"));
        assertThat(browser.findElement(By.id("current-rating")).getText()).contains("5 of 5");
        screenshot(browser, "5-rated");
        assertThat(Api.as("alice").get("/api/v1/cases/" + caseId + "/rating").json().getInt("score")).isEqualTo(5);
        assertThat(Api.as("alice").get("/api/v1/cases/" + caseId).json().getString("status")).isEqualTo("CLOSED");

        // a client of another account sees none of it, not even by typing the address
        signIn(strangersBrowser, stranger.client());
        assertThat(text(strangersBrowser)).doesNotContain(key).doesNotContain("Pallets arrived crushed");
        strangersBrowser.get(base.resolve("/portal/case.xhtml?id=" + caseId).toString());
        assertThat(text(strangersBrowser)).doesNotContain(key).doesNotContain("Pallets arrived crushed")
                .doesNotContain("Re-pack every pallet").doesNotContain(client.accountName());
        screenshot(strangersBrowser, "6-stranger");
    }

    private void signIn(WebDriver driver, String username) {
        driver.get(base.resolve("/login.xhtml").toString());
        driver.findElement(By.id("login:username")).sendKeys(username);
        driver.findElement(By.id("login:password")).sendKeys(username + "-demo-2026");
        driver.findElement(By.id("login:submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/portal/"));
    }

    private static void waitFor(WebDriver driver, By what) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(what));
    }

    private static String text(WebDriver driver) {
        WebElement body = driver.findElement(By.tagName("body"));
        return body.getText();
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve("portal-journey-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebDriver chromium(String profile) throws IOException {
        Path userData = Files.createDirectories(Path.of("target", "chromium", profile + "-" + System.nanoTime()));
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,1600", "--user-data-dir=" + userData.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
