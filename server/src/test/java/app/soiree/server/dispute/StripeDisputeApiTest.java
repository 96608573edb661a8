package app.soiree.server.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.dispute.DisputeLost;
import app.soiree.api.dispute.DisputeWon;
import app.soiree.api.dispute.PaymentDisputed;
import app.soiree.api.payment.PaymentId;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.LedgerChecks;
import app.soiree.server.support.StripeIntegrationTest;
import app.soiree.server.support.Uploads;
import app.soiree.server.support.stripe.StripeDisputes;
import app.soiree.server.support.stripe.StripeEvents.EventPayload;
import app.soiree.server.support.stripe.StripeEvents;
import app.soiree.server.support.stripe.StripeStandIn;
import app.soiree.server.support.stripe.StripeWebhookDeliveries;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Disputes through Stripe: signed {@code charge.dispute.*} webhooks in any order and any number of copies, and
 * support's evidence and concession sent with the real stripe-java SDK to the WireMock stand-in. Every test ends
 * with a balanced ledger and a wallet that agrees with the journal.
 */
@StripeIntegrationTest
class StripeDisputeApiTest {

    static final long PRICE = 2500;
    static final long NET = 2345;
    static final long DISPUTE_FEE = 2000;
    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    EventStore events;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private Session host;
    private String gatheringId;
    private String tierId;
    private static Session support;
    private static Session finance;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        StripeDisputes.install();
        if (support == null) {
            Session admin = api.signIn("", "admin@soiree.test", "admin-password-1");
            support = api.newStaff(admin, "SUPPORT");
            finance = api.newStaff(admin, "FINANCE");
        }
        host = api.newHost("Stripe Disputed Host");
        gatheringId = Gatherings.publish(api, host, Gatherings.gathering("Stripe dinner", List.of(Gatherings.tier("Seat", PRICE, 10))));
        tierId = Gatherings.firstTierId(api, gatheringId);
    }

    @AfterEach
    void theLedgerBalancesAndTheWalletAgreesWithTheJournal() {
        try {
            LedgerChecks.assertTrialBalanceBalances(api, finance);
            LedgerChecks.assertWalletAgreesWithJournal(api, finance, host);
        } finally {
            StripeStandIn.reset();
        }
    }

    @Test
    void aDisputeWonWithEvidenceSubmittedToStripe() {
        Paid paid = paidBooking();
        StripeDisputes.Dispute dispute = disputeOf(paid);

        deliver(dispute.created()).expectStatus(200);

        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitWallet(Map.of("EUR:pending", NET - PRICE, "EUR:disputeHold", PRICE));
        JsonNode opened = awaitDispute(disputeId, "NEEDS_RESPONSE");
        assertThat(opened.get("provider").asString()).isEqualTo("stripe");
        assertThat(opened.get("providerDisputeId").asString()).isEqualTo(dispute.id());
        assertThat(Instant.parse(opened.get("evidenceDueBy").asString())).isEqualTo(dispute.dueBy());

        String text = "The guest attended & checked in at 19:02 (ticket #" + paid.bookingId + ").";
        String fileId = new Uploads(port).upload(staff(disputeId) + "/files", support.accessToken(), "file", "check-in.pdf",
                "application/pdf", Uploads.pdf("Check-in log")).expectStatus(201).json().get("fileId").asString();
        api.post(staff(disputeId) + "/evidence", support.accessToken(), Map.of("text", text, "fileIds", List.of(fileId))).expectStatus(200);
        api.post(staff(disputeId) + "/submit", support.accessToken(), null).expectStatus(200);

        assertThat(StripeDisputes.evidenceUploads()).hasSize(1);
        List<LoggedRequest> submissions = StripeDisputes.submissionsOf(dispute.id());
        assertThat(submissions).hasSize(1);
        Map<String, String> form = form(submissions.getFirst());
        assertThat(form).containsEntry("submit", "true").containsEntry("evidence[uncategorized_text]", text)
                .containsEntry("metadata[soiree_dispute_id]", disputeId);
        assertThat(form.get("evidence[uncategorized_file]")).startsWith("file_");
        assertThat(submissions.getFirst().getHeader("Idempotency-Key")).isNotBlank();
        StripeStandIn.verifyAllRequestsAuthenticated();
        awaitDispute(disputeId, "UNDER_REVIEW");

        deliver(dispute.updated("under_review")).expectStatus(200);
        await().atMost(WAIT).until(() -> getDispute(disputeId).get("providerStatus").asString(), "UNDER_REVIEW"::equals);
        deliver(dispute.closed("won")).expectStatus(200);
        deliver(dispute.fundsReinstated()).expectStatus(200);

        awaitDispute(disputeId, "WON");
        awaitWallet(Map.of("EUR:pending", NET));
        awaitApplied(dispute.id(), 4);
        assertThat(count(paid.paymentId, DisputeWon.class)).isEqualTo(1);
        assertThat(api.post(staff(disputeId) + "/accept", support.accessToken(), null).code()).isEqualTo("DISPUTE_CLOSED");
    }

    @Test
    void aDisputeSupportConcedesIsLostWhenStripeClosesIt() {
        Paid paid = paidBooking();
        StripeDisputes.Dispute dispute = disputeOf(paid);
        deliver(dispute.created()).expectStatus(200);
        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitDispute(disputeId, "NEEDS_RESPONSE");

        api.post(staff(disputeId) + "/accept", support.accessToken(), null).expectStatus(200);

        assertThat(StripeDisputes.closesOf(dispute.id())).hasSize(1);
        assertThat(StripeDisputes.closesOf(dispute.id()).getFirst().getHeader("Idempotency-Key")).isNotBlank();
        JsonNode accepted = awaitDispute(disputeId, "ACCEPTED");
        assertThat(accepted.get("acceptedBy").asString()).isEqualTo(support.userId());
        // still held: the loss is booked when Stripe says the dispute is lost
        awaitWallet(Map.of("EUR:pending", NET - PRICE, "EUR:disputeHold", PRICE));

        deliver(dispute.closed("lost")).expectStatus(200);

        awaitDispute(disputeId, "LOST");
        awaitWallet(Map.of("EUR:pending", NET - PRICE));
        await().atMost(WAIT).until(() -> lossesFor(disputeId), loss -> loss == DISPUTE_FEE);
    }

    @Test
    void fiveCopiesOfEveryDisputeWebhookInAnyOrderBookTheDisputeOnce() throws Exception {
        Paid paid = paidBooking();
        StripeDisputes.Dispute dispute = disputeOf(paid);
        List<EventPayload> kinds = List.of(dispute.created(), dispute.fundsWithdrawn(), dispute.updated("under_review"), dispute.closed("lost"));
        List<EventPayload> deliveries = new ArrayList<>();
        for (int copy = 0; copy < 5; copy++) {
            deliveries.addAll(kinds);
        }
        Collections.shuffle(deliveries);

        List<Response> answers = deliverConcurrently(deliveries);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(answers.stream().filter(answer -> !answer.json().get("duplicate").asBoolean())).hasSize(kinds.size());
        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitDispute(disputeId, "LOST");
        awaitApplied(dispute.id(), kinds.size());
        assertThat(count(paid.paymentId, PaymentDisputed.class)).isEqualTo(1);
        assertThat(count(paid.paymentId, DisputeLost.class)).isEqualTo(1);
        awaitWallet(Map.of("EUR:pending", NET - PRICE));
        await().atMost(WAIT).until(() -> lossesFor(disputeId), loss -> loss == DISPUTE_FEE);
    }

    @Test
    void aClosedDisputeArrivingBeforeItsCreationIsNotLost() {
        Paid paid = paidBooking();
        StripeDisputes.Dispute dispute = disputeOf(paid);

        deliver(dispute.closed("won")).expectStatus(200);

        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitDispute(disputeId, "WON");
        awaitWallet(Map.of("EUR:pending", NET));

        deliver(dispute.created()).expectStatus(200);
        deliver(dispute.fundsWithdrawn()).expectStatus(200);
        awaitApplied(dispute.id(), 3);
        assertThat(getDispute(disputeId).get("status").asString()).isEqualTo("WON");
        assertThat(count(paid.paymentId, PaymentDisputed.class)).isEqualTo(1);
        assertThat(count(paid.paymentId, DisputeWon.class)).isEqualTo(1);
        awaitWallet(Map.of("EUR:pending", NET));
    }

    @Test
    void anInquiryWithdrawsNothingAndOpensNothing() {
        Paid paid = paidBooking();
        StripeDisputes.Dispute inquiry = disputeOf(paid);
        EventPayload created = inquiry.inquiryCreated();
        EventPayload closed = inquiry.closed("warning_closed");

        deliver(created).expectStatus(200);
        deliver(closed).expectStatus(200);

        for (EventPayload event : List.of(created, closed)) {
            await().atMost(WAIT).until(() -> outcomeOf(event.id()), outcome -> outcome != null && outcome.startsWith("ignored"));
        }
        assertThat(hostDisputes()).isEmpty();
        assertThat(count(paid.paymentId, PaymentDisputed.class)).isZero();
        awaitWallet(Map.of("EUR:pending", NET));
    }

    @Test
    void aPaymentRecordedBeforeItsReferenceIsFoundThroughStripe() {
        Paid paid = paidBooking();
        jdbc.update("delete from payment_references where reference = ?", paid.intentId());
        StripeDisputes.Dispute dispute = disputeOf(paid);

        deliver(dispute.created()).expectStatus(200);

        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitWallet(Map.of("EUR:pending", NET - PRICE, "EUR:disputeHold", PRICE));
        assertThat(StripeStandIn.retrieveRequestsFor(paid.intentId())).isPositive();
        deliver(dispute.closed("won")).expectStatus(200);
        awaitDispute(disputeId, "WON");
        awaitWallet(Map.of("EUR:pending", NET));
    }

    @Test
    void whatStripeRefusesIsNotRecorded() {
        Paid paid = paidBooking();
        StripeDisputes.Dispute dispute = disputeOf(paid);
        deliver(dispute.created()).expectStatus(200);
        String disputeId = awaitHostDispute().get("disputeId").asString();
        awaitDispute(disputeId, "NEEDS_RESPONSE");
        api.post(staff(disputeId) + "/evidence", support.accessToken(), Map.of("text", "Receipt")).expectStatus(200);

        StripeDisputes.failUpdatesOf(dispute.id());
        Response unavailable = api.post(staff(disputeId) + "/submit", support.accessToken(), null);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.code()).isEqualTo("PAYMENT_PROVIDER_UNAVAILABLE");

        StripeDisputes.refuseUpdatesOf(dispute.id());
        Response refused = api.post(staff(disputeId) + "/submit", support.accessToken(), null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("EVIDENCE_REJECTED");
        Response notClosed = api.post(staff(disputeId) + "/accept", support.accessToken(), null);
        assertThat(notClosed.status()).isEqualTo(409);

        JsonNode unchanged = getDispute(disputeId);
        assertThat(unchanged.get("status").asString()).isEqualTo("NEEDS_RESPONSE");
        assertThat(unchanged.get("submittedAt").isNull()).isTrue();
        deliver(dispute.closed("won")).expectStatus(200);
        awaitDispute(disputeId, "WON");
        awaitWallet(Map.of("EUR:pending", NET));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private record Paid(String bookingId, String paymentId) {
        String intentId() {
            return StripeStandIn.intentIdFor(paymentId);
        }
    }

    private Paid paidBooking() {
        Session guest = api.newUser("Stripe Guest");
        String bookingId = UUID.randomUUID().toString();
        JsonNode booking = api.postOnce("/api/bookings", guest.accessToken(),
                Map.of("bookingId", bookingId, "gatheringId", gatheringId, "tierId", tierId, "quantity", 1)).expectStatus(201).json();
        String paymentId = booking.get("payment").get("paymentId").asString();
        Paid paid = new Paid(bookingId, paymentId);
        Map<String, String> metadata = Map.of("soiree_payment_id", paymentId, "soiree_booking_id", bookingId, "soiree_gathering_id", gatheringId);
        StripeStandIn.stubRetrieve(paid.intentId(), "succeeded", PRICE, "eur", metadata);
        deliver(StripeEvents.paymentIntentSucceeded(paid.intentId(), PRICE, "eur", metadata)).expectStatus(200);
        awaitBooked("payment:" + paymentId);
        return paid;
    }

    private static StripeDisputes.Dispute disputeOf(Paid paid) {
        return new StripeDisputes.Dispute(StripeDisputes.newDisputeId(), paid.intentId(), PRICE, "eur", "fraudulent",
                Instant.now().plus(Duration.ofDays(9)).truncatedTo(ChronoUnit.SECONDS));
    }

    private Response deliver(EventPayload event) {
        return StripeWebhookDeliveries.deliver(api, StripeWebhookDeliveries.ACCOUNT_ENDPOINT, event);
    }

    private List<Response> deliverConcurrently(List<EventPayload> deliveries) throws Exception {
        return StripeWebhookDeliveries.deliverConcurrently(api, StripeWebhookDeliveries.ACCOUNT_ENDPOINT, deliveries);
    }

    /** Waits until this many distinct events about the dispute were applied (or deliberately ignored) by the inbox. */
    private void awaitApplied(String stripeDisputeId, int expected) {
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from provider_events where payload like ? and processed_at is not null", Integer.class,
                "%\"id\":\"" + stripeDisputeId + "\"%"), count -> count == expected);
    }

    private String outcomeOf(String eventId) {
        return jdbc.queryForList("select outcome from provider_events where event_id = ? and processed_at is not null", String.class, eventId)
                .stream().findFirst().orElse(null);
    }

    private int count(String paymentId, Class<?> type) {
        return (int) events.readEvents(PaymentId.of(paymentId).toString()).asStream().map(message -> message.getPayload())
                .filter(type::isInstance).count();
    }

    /**
     * Waits until the journal has the host's pending entry of this business reference and the wallet has caught up
     * with the journal: other postings of the host may still be on their way, so no total is assumed.
     */
    private void awaitBooked(String reference) {
        await().atMost(WAIT).until(() -> {
            JsonNode page = api.get("/api/finance/ledger/accounts/host:" + host.userId() + ":pending/entries?limit=100", finance.accessToken())
                    .expectStatus(200).json();
            for (JsonNode entry : page.get("items")) {
                if (reference.equals(entry.get("reference").asString())) {
                    return true;
                }
            }
            return false;
        });
        LedgerChecks.assertWalletAgreesWithJournal(api, finance, host);
    }

    private static String staff(String disputeId) {
        return "/api/staff/disputes/" + disputeId;
    }

    private List<JsonNode> hostDisputes() {
        List<JsonNode> items = new ArrayList<>();
        api.get("/api/me/disputes", host.accessToken()).expectStatus(200).json().get("items").forEach(items::add);
        return items;
    }

    private JsonNode awaitHostDispute() {
        return await().atMost(WAIT).until(this::hostDisputes, items -> !items.isEmpty()).getFirst();
    }

    private JsonNode getDispute(String disputeId) {
        Response response = api.get(staff(disputeId), support.accessToken());
        return response.status() == 200 ? response.json() : null;
    }

    private JsonNode awaitDispute(String disputeId, String status) {
        return await().atMost(WAIT).until(() -> getDispute(disputeId), d -> d != null && status.equals(d.get("status").asString()));
    }

    private void awaitWallet(Map<String, Long> expected) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(LedgerChecks.walletOf(api, host)).isEqualTo(new HashMap<>(expected)));
    }

    private long lossesFor(String disputeId) {
        JsonNode page = api.get("/api/finance/ledger/accounts/platform:losses/entries?limit=100", finance.accessToken()).expectStatus(200).json();
        long total = 0;
        for (JsonNode entry : page.get("items")) {
            if (("dispute:" + disputeId).equals(entry.get("reference").asString())) {
                total += entry.get("amount").get("amount").asLong();
            }
        }
        return total;
    }

    /** Stripe's form encoding of a request, decoded. */
    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int equals = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
