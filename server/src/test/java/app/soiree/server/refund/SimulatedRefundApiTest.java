package app.soiree.server.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.gathering.BookingCancelled;
import app.soiree.api.refund.RefundReversed;
import app.soiree.command.gathering.Gathering;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Booked;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.LostAnswers;
import app.soiree.server.support.StoredSnapshots;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;

/**
 * What only the simulator has, for refunds: its development endpoint for refund outcomes (copies of its reports, who may
 * use it, its label), and refund rules the tests exercise with the simulator: unpaid holds, manual refunds' checks and
 * retries, a refund after the earnings were released. The scenarios it shares with Stripe are in {@link RefundContract}.
 */
@IntegrationTest
class SimulatedRefundApiTest extends RefundFixture {

    @Autowired
    @Qualifier("gatheringCache")
    Cache gatheringCache;
    @Autowired
    Snapshotter snapshotter;

    /**
     * The cancel's answer is lost (a crash after its commit, before the answer under its key was remembered); the guest's
     * retry under the same key is carried out again. It is answered as the first time, from the gathering rebuilt from its
     * snapshot, and refunds nothing twice; a new request finds the booking no longer active.
     */
    @Test
    void aCancelRetriedAfterItsAnswerWasLostIsAnsweredAsTheFirstTime() {
        Session guest = api.newUser("Retrying Canceller");
        String gatheringId = openDinner("Retried cancel");
        Booked booked = bookAndPay(guest, gatheringId);
        String path = "/api/bookings/" + booked.bookingId() + "/cancel";
        String key = UUID.randomUUID().toString();
        Response first = api.post(path, guest.accessToken(), null, Map.of("Idempotency-Key", key)).expectStatus(200);
        awaitBooking(guest, booked.bookingId(), "REFUNDED");

        LostAnswers.forget(jdbc, guest.userId(), key);
        snapshotter.scheduleSnapshot(Gathering.class, gatheringId);
        StoredSnapshots.awaitSnapshot(jdbc, gatheringId, "4", Duration.ofSeconds(10));
        gatheringCache.removeAll();
        Response retried = api.post(path, guest.accessToken(), null, Map.of("Idempotency-Key", key)).expectStatus(200);

        assertThat(retried.json()).isEqualTo(first.json());
        assertThat(retried.json().get("refund").get("amount").get("amount").asLong()).isEqualTo(PRICE);
        assertThat(api.post(path, guest.accessToken(), null, Map.of("Idempotency-Key", UUID.randomUUID().toString())).code())
                .isEqualTo("BOOKING_NOT_ACTIVE");
        assertThat(eventsOf(gatheringId, BookingCancelled.class)).hasSize(1);
        assertThat(refunded(booked.paymentId())).hasSize(1);
        assertThat(bookingOf(guest, booked.bookingId()).get("refundedAmount").get("amount").asLong()).isEqualTo(PRICE);
    }

    @Test
    void anUnpaidHoldIsCancelledWithoutARefund() {
        Session guest = api.newUser("Holder");
        String bookingId = book(guest, openDinner("Hold")).get("bookingId").asString();

        JsonNode cancelled = cancel(guest, bookingId).expectStatus(200).json();

        assertThat(cancelled.get("refund").isNull()).isTrue();
        awaitBooking(guest, bookingId, "CANCELLED");
    }

    @Test
    void aCancellationAfterAStaffRefundNamesExactlyWhatIsLeft() {
        Session guest = api.newUser("Partly Refunded Guest");
        Booked booked = bookAndPay(guest, openDinner("Partly"));
        staffRefund(booked.bookingId(), 1000, "The wine ran out").expectStatus(201);

        JsonNode cancelled = cancel(guest, booked.bookingId()).expectStatus(200).json();

        assertThat(cancelled.get("refund").get("amount").get("amount").asLong()).isEqualTo(PRICE - 1000);
        JsonNode booking = awaitBooking(guest, booked.bookingId(), "REFUNDED");
        assertThat(booking.get("refundedAmount").get("amount").asLong()).isEqualTo(PRICE);
    }

    @Test
    void aManualRefundNeedsStaffAReasonAndAKnownBooking() {
        String gatheringId = openDinner("Checks");
        Session guest = api.newUser("Curious Guest");
        Booked booked = bookAndPay(guest, gatheringId);

        Response noReason = api.post("/api/staff/refunds", support.accessToken(),
                Map.of("bookingId", booked.bookingId(), "amount", Gatherings.money(100)));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        Response blank = staffRefund(booked.bookingId(), 100, "  ");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(staffRefund(UUID.randomUUID().toString(), 100, "Who?").status()).isEqualTo(404);
        assertThat(api.post("/api/staff/refunds", guest.accessToken(), Map.of("bookingId", booked.bookingId(), "amount",
                Gatherings.money(100), "reason", "I want it")).status()).isEqualTo(403);
        assertThat(api.post("/api/staff/refunds", finance.accessToken(), Map.of("bookingId", booked.bookingId(), "amount",
                Gatherings.money(100), "reason", "Finance is not support")).status()).isEqualTo(403);
        Response unpaid = staffRefund(book(api.newUser("Unpaid"), gatheringId).get("bookingId").asString(), 100, "Not paid");
        assertThat(unpaid.code()).isEqualTo("PAYMENT_NOT_CAPTURED");
        awaitWallet(Map.of("EUR:pending", NET));
    }

    @Test
    void aRetriedManualRefundWithTheSameIdempotencyKeyRefundsOnce() {
        Booked booked = bookAndPay(api.newUser("Retried"), openDinner("Retry"));
        Map<String, Object> body = Map.of("bookingId", booked.bookingId(), "amount", Gatherings.money(700), "reason", "Goodwill");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        JsonNode first = api.post("/api/staff/refunds", support.accessToken(), body, key).expectStatus(201).json();
        Response again = api.post("/api/staff/refunds", support.accessToken(), body, key).expectStatus(201);

        assertThat(again.json().get("refundId").asString()).isEqualTo(first.get("refundId").asString());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        await().atMost(WAIT).until(() -> refunded(booked.paymentId()).size() == 1);
        awaitWallet(Map.of("EUR:pending", NET - 657)); // round(700·2345/2500) = 656.6
        assertThat(refunded(booked.paymentId())).hasSize(1);
    }

    @Test
    void copiesOfTheProvidersReportAreAppliedOnceAndAFailureAfterSuccessTakesTheRefundBack() {
        Session guest = api.newUser("Bounced Guest");
        Booked booked = bookAndPay(guest, openDinner("Bounced"));
        cancel(guest, booked.bookingId()).expectStatus(200);
        awaitBooking(guest, booked.bookingId(), "REFUNDED");
        String refundId = refundIdOf(booked);

        for (int i = 0; i < 5; i++) {
            api.post("/api/dev/refunds/" + refundId + "/outcome", support.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);
        }
        // The guest's bank sends the refund back, reported five times.
        for (int i = 0; i < 5; i++) {
            api.post("/api/dev/refunds/" + refundId + "/outcome", support.accessToken(), Map.of("outcome", "failed")).expectStatus(202);
        }
        Response tooLate = api.post("/api/dev/refunds/" + refundId + "/outcome", support.accessToken(), Map.of("outcome", "succeeded"));
        assertThat(tooLate.status()).isEqualTo(409);

        JsonNode booking = awaitBooking(guest, booked.bookingId(), "CANCELLED");
        assertThat(booking.get("refundedAmount").get("amount").asLong()).isZero();
        awaitWallet(Map.of("EUR:pending", NET));
        assertThat(refunded(booked.paymentId())).hasSize(1);
        assertThat(eventsOf(booked.paymentId(), RefundReversed.class)).hasSize(1);
    }

    @Test
    void aRefundAfterTheEarningsWereReleasedTakesFromWhatIsAvailable() {
        Instant startsAt = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        String gatheringId = open(Gatherings.gathering("Quick", startsAt, startsAt.plusSeconds(1),
                List.of(Gatherings.tier("Seat", PRICE, 3))));
        Booked booked = bookAndPay(api.newUser("Released Guest"), gatheringId);
        awaitWallet(Map.of("EUR:available", NET));

        staffRefund(booked.bookingId(), 1000, "Complaint after the evening").expectStatus(201);

        awaitWallet(Map.of("EUR:available", NET - 938));
        staffRefund(booked.bookingId(), 1500, "The rest as well").expectStatus(201);
        // Everything the host earned is taken back; nothing stays behind in pending.
        awaitWallet(Map.of());
    }

    /**
     * The outcome chosen for a refund the saga asks the simulator for at the same moment: the request's row is written
     * (here by hand, in a transaction held open) while the endpoint records the choice, which waits for it. The choice
     * is then applied to the refund as asked for, not left on a row that no longer awaits it (202 AWAITING_REQUEST
     * before, and the refund never took the outcome chosen).
     */
    @Test
    void anOutcomeChosenWhileTheRefundIsAskedForIsAppliedToIt() throws Exception {
        UUID refundId = UUID.randomUUID();
        String reference = "sim_re_" + UUID.nameUUIDFromBytes(("reference:" + refundId).getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "");
        DataSource dataSource = Objects.requireNonNull(jdbc.getDataSource());
        try (Connection askedFor = dataSource.getConnection()) {
            askedFor.setAutoCommit(false);
            try (PreparedStatement insert = askedFor.prepareStatement("""
                    insert into simulated_refunds (refund_id, payment_id, reference, amount, currency, status, updated_at)
                    values (?, ?, ?, 100, 'EUR', 'PENDING', now())""")) {
                insert.setObject(1, refundId);
                insert.setObject(2, UUID.randomUUID());
                insert.setString(3, reference);
                insert.executeUpdate();
            }
            CompletableFuture<Response> decided = CompletableFuture.supplyAsync(() ->
                    api.post("/api/dev/refunds/" + refundId + "/outcome", support.accessToken(), Map.of("outcome", "succeeded")));
            await().atMost(WAIT).until(() -> jdbc.queryForObject("""
                    select count(*) from pg_stat_activity
                    where wait_event_type = 'Lock' and query like 'insert into simulated_refunds%'""", Integer.class) > 0);
            askedFor.commit();

            JsonNode answer = decided.get(30, TimeUnit.SECONDS).expectStatus(202).json();
            assertThat(answer.get("status").asString()).isEqualTo("SUCCEEDED");
        }
        assertThat(jdbc.queryForObject("select status from simulated_refunds where refund_id = ?", String.class, refundId))
                .isEqualTo("SUCCEEDED");
        // The simulator reported the outcome about a payment Soiree does not know (the row was made by hand): not for the
        // inbox to retry for the rest of the run.
        jdbc.update("delete from provider_events where payload like ?", "%" + refundId + "%");
    }

    @Test
    void theDevelopmentEndpointIsForStaffAndLabelled() {
        String refundId = UUID.randomUUID().toString();
        Session guest = api.newUser("Not Staff");
        assertThat(api.post("/api/dev/refunds/" + refundId + "/outcome", guest.accessToken(), Map.of("outcome", "failed")).status())
                .isEqualTo(404);
        assertThat(api.post("/api/dev/refunds/" + refundId + "/outcome", support.accessToken(), Map.of("outcome", "maybe")).status())
                .isEqualTo(400);
        assertThat(api.get("/v3/api-docs", null).expectStatus(200).body()).contains("/api/dev/refunds/{refundId}/outcome");
    }
}
