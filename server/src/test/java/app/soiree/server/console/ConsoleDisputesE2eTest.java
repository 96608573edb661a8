package app.soiree.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.server.support.Api;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.Uploads;
import app.soiree.store.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Support answers a dispute in a real browser: the simulated provider opens a dispute on a paid booking, support
 * opens it by its id (the shared queue holds every other test's disputes, and a virtualized grid never promises to
 * render a given row), attaches a receipt and a text, submits them after confirming, and sees the status change.
 * The platform's own record names the support member as the actor of each step. Screenshots land in
 * {@code target/screenshots}.
 */
@IntegrationTest
class ConsoleDisputesE2eTest {

    private static final String PREFIX = "e2edisputes";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static Api.Session support;
    private static String disputeId;

    @LocalServerPort
    int port;
    @Autowired
    ObjectStore objectStore;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void supportAndADisputedPayment(@LocalServerPort int port) {
        assumeTrue(Chromium.installed(), Chromium.INSTALL_HINT);
        Api api = new Api(port);
        support = StaffAccounts.open(api, StaffAccounts.admin(api), PREFIX, List.of("SUPPORT")).get("SUPPORT");
        PaidBooking paid = PaidBooking.make(api, "Disputed supper", support);
        api.post("/api/dev/payments/" + paid.paymentId() + "/outcome", paid.guest().accessToken(), Map.of("outcome", "disputed"))
                .expectStatus(202);
        disputeId = await().atMost(WAIT).until(() -> api.get("/api/me/disputes", paid.host().accessToken()).expectStatus(200).json()
                .get("items"), items -> !items.isEmpty()).get(0).get("disputeId").asString();
        await().atMost(WAIT).until(() -> api.get("/api/staff/disputes/" + disputeId, support.accessToken()).status() == 200);
    }

    @Test
    void supportAddsEvidenceWithAReceiptAndSubmitsItToTheProvider() throws IOException {
        Path receipt = Files.createTempFile("receipt-", ".pdf");
        byte[] receiptBytes = Uploads.pdf("Receipt for the disputed supper");
        Files.write(receipt, receiptBytes);
        try (Chromium browser = new Chromium(port)) {
            browser.signIn(PREFIX + ".support@soiree.test", StaffAccounts.PASSWORD);
            browser.waitForText("Welcome");
            browser.driver().findElement(By.linkText("Disputes")).click();
            browser.waitForPath("/console/disputes");
            browser.waitForText("overdue");
            browser.screenshot("10-dispute-queue");

            browser.open("/console/disputes/" + disputeId);
            browser.waitForText("Dispute of 25.00 EUR");
            browser.waitForText("NEEDS_RESPONSE");
            fileInput(browser).sendKeys(receipt.toAbsolutePath().toString());
            browser.driver().findElement(By.cssSelector("vaadin-text-area textarea"))
                    .sendKeys("The guest attended the supper and checked in at the door.");
            click(browser, By.xpath("//vaadin-button[normalize-space(.)='Add evidence']"));
            confirm(browser);
            browser.waitForText("The guest attended the supper and checked in at the door.");
            browser.waitFor(By.xpath("//a[normalize-space(.)='" + receipt.getFileName() + "']"));
            browser.script("document.querySelector('.dispute-status').scrollIntoView()");
            browser.screenshot("11-dispute-page");

            click(browser, By.xpath("//vaadin-button[normalize-space(.)='Submit evidence to the provider']"));
            confirm(browser);
            browser.waitForText("The evidence is with the provider");
            // The page is scrolled down to the buttons, where a browser counts the status at the top as not visible.
            new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.attributeToBe(By.cssSelector(".dispute-status"),
                    "textContent", "UNDER_REVIEW"));
            browser.script("document.querySelector('.dispute-status').scrollIntoView()");
            browser.screenshot("12-dispute-submitted");
        } finally {
            Files.deleteIfExists(receipt);
        }

        JsonNode dispute = new Api(port).get("/api/staff/disputes/" + disputeId, support.accessToken()).expectStatus(200).json();
        assertThat(dispute.get("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(dispute.get("submittedBy").asString()).isEqualTo(support.userId());
        assertThat(dispute.get("evidence").get(0).get("addedBy").asString()).isEqualTo(support.userId());
        assertThat(dispute.get("evidence").get(0).get("fileIds")).hasSize(1);
        assertThat(dispute.get("files").get(0).get("uploadedBy").asString()).isEqualTo(support.userId());
        assertThat(dispute.get("files").get(0).get("contentType").asString()).isEqualTo("application/pdf");
        // The console put the bytes in the object store and sent only the file's id; the database has no bytes.
        EvidenceFileId fileId = EvidenceFileId.of(dispute.get("files").get(0).get("fileId").asString());
        try (InputStream stored = objectStore.open(fileId.objectKey())) {
            assertThat(stored.readAllBytes()).isEqualTo(receiptBytes);
        }
        assertThat(jdbc.queryForObject("select content is null from dispute_evidence_files where file_id = ?", Boolean.class,
                fileId.value())).isTrue();
        assertThat(new Uploads(port).download("/api/staff/disputes/" + disputeId + "/files/" + fileId, support.accessToken()).body())
                .isEqualTo(receiptBytes);
    }

    /** The upload's file input lives in the component's shadow root in some Vaadin versions and in the page in others. */
    private static WebElement fileInput(Chromium browser) {
        WebElement upload = browser.waitFor(By.cssSelector("vaadin-upload"));
        List<WebElement> inPage = upload.findElements(By.cssSelector("input[type='file']"));
        if (!inPage.isEmpty()) {
            return inPage.getFirst();
        }
        return upload.getShadowRoot().findElement(By.cssSelector("input[type='file']"));
    }

    /** The page is longer than the window; a button below it is scrolled to before it is clicked, as a person would. */
    private static void click(Chromium browser, By button) {
        WebElement element = browser.driver().findElement(button);
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static void confirm(Chromium browser) {
        browser.waitFor(By.cssSelector("vaadin-button[slot='confirm-button']")).click();
    }
}
