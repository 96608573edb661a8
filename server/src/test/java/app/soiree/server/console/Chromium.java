package app.soiree.server.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its own chromedriver, with a fresh profile each time:
 * nothing is downloaded, nothing is shared between sessions. Screenshots go to
 * {@code target/screenshots}.
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String INSTALL_HINT = "Real-browser tests need Debian's Chromium and its driver: apt-get install -y chromium chromium-driver";
    /** First pages of a freshly started console in development mode are slow on a busy machine. */
    static final Duration PATIENCE = Duration.ofSeconds(120);

    private final Path profile;
    private final ChromeDriver driver;
    private final String baseUrl;

    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    Chromium(int port) {
        try {
            profile = Files.createTempDirectory("soiree-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1440,960");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        baseUrl = "http://localhost:" + port;
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    /** Fills the console's sign-in form and submits it, as a person would. */
    void signIn(String email, String password) {
        open("/console/login");
        WebElement username = waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
        username.sendKeys(email);
        WebElement passwordField = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        passwordField.sendKeys(password);
        passwordField.sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the page shows the text (in any element), e.g. a badge or a grid cell. */
    WebElement waitForText(String text) {
        return waitFor(By.xpath("//body//*[not(self::script) and not(self::style) and contains(normalize-space(text()), " + xpathLiteral(text) + ")]"));
    }

    void waitForPath(String path) {
        new WebDriverWait(driver, PATIENCE).until(ignored -> currentPath().startsWith(path));
    }

    Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Lets Vaadin finish the round trip the page is in, so that the picture shows the settled page. */
    void screenshot(String name) {
        new WebDriverWait(driver, PATIENCE).until(ignored -> Boolean.TRUE.equals(script(
                "return !window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients"
                        + " || Object.values(window.Vaadin.Flow.clients).every(client => !client.isActive || !client.isActive())")));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException leftBehind) {
            // A temporary profile that could not be removed harms nothing.
        }
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }
}
