package app.soiree.server.console;

import static app.soiree.server.support.Gatherings.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.soiree.server.support.Api;
import app.soiree.server.support.HostEarnings;
import app.soiree.server.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Two finance staff approve a large payout in a real browser, one after the other, against the running
 * platform with the simulated provider: the four-eyes rule as finance meets it. The payout page is
 * opened by its id, never found in the queue: in the full suite the queue holds the payouts of every
 * other test class, and the grid renders only the rows in view.
 */
@IntegrationTest
class ConsolePayoutsE2eTest {

    private static final String FIRST = "e2epayouts-a";
    private static final String SECOND = "e2epayouts-b";
    /** Above the test profile's second-approval threshold (3000), within what two seats net (4720). */
    private static final long AMOUNT = 4000;

    private static Api api;
    private static Api.Session firstFinance;
    private static Api.Session host;
    private static String payoutId;

    @LocalServerPort
    int port;

    @BeforeAll
    static void twoFinanceStaffAndAPayoutAwaitingThem(@LocalServerPort int port, @Autowired EventStore events) {
        assumeTrue(Chromium.installed(), Chromium.INSTALL_HINT);
        api = new Api(port);
        Api.Session admin = StaffAccounts.admin(api);
        firstFinance = StaffAccounts.open(api, admin, FIRST, List.of("FINANCE")).get("FINANCE");
        StaffAccounts.open(api, admin, SECOND, List.of("FINANCE"));
        host = api.newHost("Payout Console Host");
        HostEarnings.earn(api, events, List.of(host), 2, HostEarnings.simulated(api));
        api.post("/api/me/payout-account", host.accessToken(), null).expectStatus(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/me/payout-account", host.accessToken()).json()
                .get("status").asString(), "ENABLED"::equals);
        payoutId = api.postOnce("/api/payouts", host.accessToken(), Map.of("amount", money(AMOUNT))).expectStatus(201).json()
                .get("payoutId").asString();
        awaitStatus("PENDING_APPROVAL");
    }

    @Test
    void twoDifferentFinanceStaffApproveALargePayoutAndItIsPaid() {
        try (Chromium browser = new Chromium(port)) {
            browser.signIn(email(FIRST), StaffAccounts.PASSWORD);
            browser.waitForText("Welcome");
            browser.open("/console/payouts");
            browser.waitForText("Oldest request first");
            browser.waitFor(By.tagName("vaadin-grid"));
            browser.screenshot("20-payout-queue");

            browser.open("/console/payouts/" + payoutId);
            browser.waitForText("Needs 2 approvals from different finance staff; none given yet.");
            browser.waitForText("Host since");
            approve(browser);
            browser.waitForText("Needs 2 approvals from different finance staff; 1 given, first by " + FIRST + " finance");
            browser.waitForText("You approved it already");
            browser.screenshot("21-payout-page");
            browser.driver().findElement(By.xpath("//vaadin-button[normalize-space(.)='Sign out']")).click();
            browser.waitForPath("/console/login");

            browser.signIn(email(SECOND), StaffAccounts.PASSWORD);
            browser.waitForText("Welcome");
            browser.open("/console/payouts/" + payoutId);
            browser.waitForText("1 given, first by " + FIRST + " finance");
            approve(browser);
            browser.waitForText("Needs 2 approvals from different finance staff; 2 given, first by " + FIRST + " finance");
        }
        JsonNode paid = awaitStatus("PAID");
        assertThat(paid.get("approvals")).hasSize(2);
        assertThat(paid.get("approvals").get(0).get("by").asString()).isEqualTo(firstFinance.userId());
    }

    /** The page's Approve button, then the confirmation dialog's. */
    private static void approve(Chromium browser) {
        browser.waitFor(By.xpath("//vaadin-button[normalize-space(.)='Approve' and not(@disabled) and not(@slot)]")).click();
        browser.waitFor(By.xpath("//vaadin-button[@slot='confirm-button']")).click();
    }

    private static JsonNode awaitStatus(String status) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/payouts/" + payoutId, firstFinance.accessToken()),
                response -> response.status() == 200 && status.equals(response.json().path("status").asString())).json();
    }

    private static String email(String prefix) {
        return prefix + ".finance@soiree.test";
    }
}
