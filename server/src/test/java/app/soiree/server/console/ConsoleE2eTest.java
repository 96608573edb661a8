package app.soiree.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.soiree.server.support.Api;
import app.soiree.server.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in a real browser against the running platform: staff sign in with the form, the
 * pages render with Vaadin's own components, and what the server pushes arrives without a reload.
 * Screenshots of each page land in {@code target/screenshots}. Skipped, saying how to install it,
 * where Debian's Chromium is missing; CI installs it.
 */
@IntegrationTest
class ConsoleE2eTest {

    private static final String PREFIX = "e2e";
    private static PaidBooking paid;

    @LocalServerPort
    int port;

    @BeforeAll
    static void staffAndAPaidBooking(@LocalServerPort int port) {
        assumeTrue(Chromium.installed(), Chromium.INSTALL_HINT);
        Api api = new Api(port);
        Map<String, Api.Session> staff = StaffAccounts.open(api, StaffAccounts.admin(api), PREFIX, List.of("FINANCE", "SUPPORT"));
        paid = PaidBooking.make(api, "Supper in the browser", staff.get("SUPPORT"));
    }

    @Test
    void financeSignsInAndSeesTheTrialBalanceBalanced() {
        try (Chromium browser = new Chromium(port)) {
            browser.open("/console/");
            browser.waitForPath("/console/login");
            browser.waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
            // Everything the console loads is under /console/ (a gateway sends only that prefix to it), and Lumo applies.
            assertThat(String.valueOf(browser.script("return Array.from(document.styleSheets).map(s => s.href ? new URL(s.href).pathname : '')"
                    + ".filter(p => p && !p.startsWith('/console/')).join(' ')"))).as("stylesheets outside /console/").isEmpty();
            assertThat(String.valueOf(browser.script("return getComputedStyle(document.documentElement).getPropertyValue('--lumo-space-m')")))
                    .as("Lumo's stylesheet is loaded").isNotBlank();
            browser.screenshot("01-sign-in");

            browser.signIn(email("finance"), StaffAccounts.PASSWORD);
            browser.waitForText("Welcome");
            browser.driver().findElement(By.linkText("Trial balance")).click();
            browser.waitForPath("/console/ledger/trial-balance");
            browser.waitForText("Balanced");
            // The grid draws only the rows in view, and the suite's other tests leave hundreds of accounts.
            browser.waitFor(By.cssSelector("#account-filter input")).sendKeys(paid.host().userId().toString(), Keys.ENTER);
            browser.waitForText("host:" + paid.host().userId() + ":pending");
            assertThat(browser.script("return typeof window.vaadinPush")).as("the push client is loaded").isEqualTo("object");
            browser.screenshot("02-trial-balance");

            browser.open("/console/ledger/statements?account=" + URLEncoder.encode("host:" + paid.host().userId() + ":pending",
                    StandardCharsets.UTF_8));
            browser.waitForText("PaymentCaptured");
            browser.waitForText("payment:" + paid.paymentId());
            browser.screenshot("03-account-statement");

            browser.open("/console/ledger/replays");
            browser.waitForText("Ledger replays");
            browser.screenshot("04-ledger-replays");

            browser.open("/console/staff");
            browser.waitForText("You are not allowed to open this page");
            browser.screenshot("08-not-allowed");

            browser.driver().findElement(By.xpath("//vaadin-button[normalize-space(.)='Sign out']")).click();
            browser.waitForPath("/console/login");
        }
    }

    @Test
    void supportSignsInLooksUpABookingAndReadsItsPaymentsTimeline() {
        try (Chromium browser = new Chromium(port)) {
            browser.signIn(email("support"), StaffAccounts.PASSWORD);
            browser.waitForText("Welcome");
            browser.open("/console/lookup");
            WebElement search = browser.waitFor(By.cssSelector("vaadin-text-field input"));
            search.sendKeys(paid.bookingId(), Keys.ENTER);
            browser.waitForText("1 × seat, 25.00 EUR");
            browser.waitForText("Issue a refund…");
            assertThat(browser.currentPath()).contains("q=" + paid.bookingId());
            browser.screenshot("05-lookup");

            browser.driver().findElement(By.xpath("//vaadin-button[normalize-space(.)='Issue a refund…']")).click();
            browser.waitForText("left to refund 25.00 EUR");
            browser.screenshot("09-manual-refund");
            browser.driver().findElement(By.xpath("//vaadin-button[normalize-space(.)='Cancel']")).click();

            browser.driver().findElement(By.linkText("Payment timeline")).click();
            browser.waitForPath("/console/audit/Payment/" + paid.paymentId());
            browser.waitForText("PaymentRequested");
            browser.waitForText("PaymentCaptured");
            browser.waitForText("PaymentRequested").click();
            browser.waitFor(By.cssSelector("pre.json"));
            browser.screenshot("06-audit-timeline");
        }
    }

    @Test
    void anAdminOpensAStaffAccountAndTheListShowsItWithoutAReload() {
        String email = "pushed." + UUID.randomUUID() + "@soiree.test";
        try (Chromium browser = new Chromium(port)) {
            browser.signIn("admin@soiree.test", "admin-password-1");
            browser.waitForText("Welcome");
            browser.open("/console/staff");
            browser.waitForText("Open an account");
            // Narrow the list to the account about to be opened first: the grid draws only the rows in
            // view, and the suite's other tests leave many staff accounts before this one.
            browser.waitFor(By.cssSelector("#staff-search input")).sendKeys(email, Keys.ENTER);
            browser.driver().findElement(By.cssSelector("vaadin-text-field input")).sendKeys("Alex Pushed");
            browser.driver().findElement(By.cssSelector("vaadin-email-field input")).sendKeys(email);
            browser.driver().findElement(By.cssSelector("vaadin-password-field input")).sendKeys("a-first-password");
            browser.driver().findElement(By.xpath("//vaadin-checkbox[normalize-space(.)='SUPPORT']")).click();
            browser.driver().findElement(By.xpath("//vaadin-button[normalize-space(.)='Open account']")).click();

            // The read side projects the account a moment later; the list learns it by push (the
            // notification names the email too, so only the grid's cell counts here).
            browser.waitFor(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + email + "']"));
            browser.screenshot("07-staff-accounts");
        }
    }

    private static String email(String role) {
        return PREFIX + "." + role + "@soiree.test";
    }
}
