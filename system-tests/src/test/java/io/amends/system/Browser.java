package io.amends.system;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's Chromium, headless at laptop size, pointed at the running server: sign in, open pages, fill fields,
 * wait for PrimeFaces' ajax, and save screenshots under {@code target/screenshots/}.
 *
 * <p>Nothing is downloaded: the driver is {@code /usr/bin/chromedriver} ({@code bin/amends test} installs Debian's
 * chromium and chromium-driver), and every run gets a fresh profile under {@code target/}.
 */
final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final URI base;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver, URI base) {
        this.driver = driver;
        this.base = base;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    static Browser open(URI base) throws IOException {
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chromium")), "profile-");
        ChromeOptions options = new ChromeOptions();
        String binary = System.getProperty("amends.chromium", "/usr/bin/chromium");
        if (new File(binary).canExecute()) {
            options.setBinary(binary);
        }
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1366,900", "--lang=en-GB", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("amends.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, base);
    }

    /** Opens a path of the application, e.g. {@code /staff/index.xhtml}. */
    Browser go(String path) {
        driver.get(base.resolve(path).toString());
        settle();
        return this;
    }

    Browser signIn(String username) {
        go("/login.xhtml");
        type("login:username", username);
        type("login:password", username + "-demo-2026");
        click("login:submit");
        wait.until(d -> !d.getCurrentUrl().contains("/login.xhtml"));
        settle();
        return this;
    }

    Browser signOut() {
        driver.manage().deleteAllCookies();
        return this;
    }

    WebElement byId(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    boolean exists(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    Browser type(String id, String text) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Types into a field and leaves it, so its ajax "change" runs. */
    Browser typeAndLeave(String id, String text) {
        type(id, text);
        ((JavascriptExecutor) driver).executeScript("arguments[0].blur(); arguments[0].dispatchEvent(new Event('change'));",
                byId(id));
        settle();
        return this;
    }

    Browser click(String id) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
        settle();
        return this;
    }

    Browser click(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
        settle();
        return this;
    }

    /**
     * Picks an option of a PrimeFaces select menu by its label, through the menu's own widget: its overlay panel, opened
     * by a click, lingers over the buttons below it while it closes and catches their clicks.
     */
    Browser choose(String id, String label) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id + "_input")));
        Object chosen = ((JavascriptExecutor) driver).executeScript("""
                var menu = PrimeFaces.getWidgetById(arguments[0]);
                var options = document.getElementById(arguments[0] + '_input').options;
                for (var i = 0; i < options.length; i++) {
                    if (options[i].text === arguments[1]) { menu.selectValue(options[i].value); return true; }
                }
                return false;""", id, label);
        if (!Boolean.TRUE.equals(chosen)) {
            throw new AssertionError("No option '" + label + "' in " + id + " on " + url());
        }
        settle();
        return this;
    }

    /** Ticks or unticks a PrimeFaces checkbox. */
    Browser toggle(String id) {
        return click(By.cssSelector("[id='" + id + "'] .ui-chkbox-box"));
    }

    /** The messages shown next to the fields of a form (not the page's messages at the top). */
    List<String> fieldMessages(String formId) {
        return driver.findElements(By.cssSelector("[id='" + formId + "'] .field .ui-message-error")).stream()
                .map(WebElement::getText).toList();
    }

    /** The row of a table that contains all the texts; fails when there is none. */
    WebElement row(String tableId, String... texts) {
        for (WebElement row : driver.findElements(By.cssSelector("[id='" + tableId + "'] tbody tr"))) {
            String text = row.getText();
            if (java.util.Arrays.stream(texts).allMatch(text::contains)) {
                return row;
            }
        }
        throw new AssertionError("No row with " + String.join(" and ", texts) + " in " + tableId + " on " + url() + ":\n" + pageText());
    }

    /** Clicks a button inside an element (a table row), then waits for the ajax to finish. */
    Browser clickIn(WebElement container, String idSuffix) {
        WebElement button = container.findElement(By.cssSelector("[id$=':" + idSuffix + "']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
        settle();
        return this;
    }

    /** Waits until the page has loaded and PrimeFaces has no ajax request in flight. */
    Browser settle() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.jQuery || jQuery.active === 0)"
                        + " && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty());")));
        return this;
    }

    Browser waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
        return this;
    }

    Browser waitForUrl(String part) {
        wait.until(d -> d.getCurrentUrl().contains(part));
        settle();
        return this;
    }

    /** Fetches a download (a CSV) with this browser's session, as the user's click on its link would. */
    java.net.http.HttpResponse<String> download(String path) throws IOException, InterruptedException {
        StringBuilder cookies = new StringBuilder();
        for (org.openqa.selenium.Cookie cookie : driver.manage().getCookies()) {
            cookies.append(cookies.length() == 0 ? "" : "; ").append(cookie.getName()).append('=').append(cookie.getValue());
        }
        // HTTP/1.1 as Chromium speaks it over plain http (no h2c upgrade, which once ended a streamed export early)
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(java.net.http.HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookies.toString()).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    String text(String id) {
        return byId(id).getText();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String title() {
        return driver.getTitle();
    }

    /** Saves the whole page as {@code target/screenshots/<name>.png}, after charts and countdowns have drawn. */
    Path screenshot(String name) throws IOException {
        settle();
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        // The whole page, not only the window: Chromium's DevTools capture beyond the viewport.
        Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", 1366, "height", Math.min(Math.max(height.intValue(), 768), 6000),
                "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
