package app.soiree.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.audit.Causation;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Booked;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.HostEarnings;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.LedgerChecks;
import app.soiree.server.support.ProviderTest;
import app.soiree.server.support.Staff;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One booking's whole story through the platform: held, paid through the provider, partly refunded by support,
 * disputed and won, released to the host when the gathering ended, and paid out. Its timeline shows the events of
 * every aggregate on the way in the store's order, each with its actor and cause: the provider's outcome as a root,
 * the saga's confirmation caused by the capture, the release made by a deadline.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CausalTimelineApiTest extends ProviderTest {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final long PRICE = 2500;
    static final String TIMELINE = "audit-timeline";

    Session support;
    Session finance;
    Session host;
    Session guest;
    Booked booked;
    String payoutId;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokens;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeAll
    void aBookingGoesThroughEverything() {
        connect();
        Staff staff = Staff.of(api, port);
        support = staff.support();
        finance = staff.finance();
        host = api.newHost("Storied Host");
        guest = api.newUser("Storied Guest");
        Instant startsAt = Instant.now().plusSeconds(25).truncatedTo(ChronoUnit.SECONDS);
        String gatheringId = Gatherings.publish(api, host, Gatherings.gathering("Storied supper", startsAt, startsAt.plusSeconds(1),
                List.of(Gatherings.tier("Seat", PRICE, 4))));
        String bookingId = UUID.randomUUID().toString();
        JsonNode booking = api.postOnce("/api/bookings", guest.accessToken(), Map.of("bookingId", bookingId, "gatheringId", gatheringId,
                "tierId", Gatherings.firstTierId(api, gatheringId), "quantity", 1)).expectStatus(201).json();
        booked = new Booked(bookingId, booking.get("payment").get("paymentId").asString(), gatheringId, PRICE);

        provider.pay(guest, booked);
        awaitBooking(b -> "CAPTURED".equals(b.path("payment").path("status").asString()));
        api.postOnce("/api/staff/refunds", support.accessToken(), Map.of("bookingId", bookingId, "amount", Gatherings.money(1000),
                "reason", "Cold soup")).expectStatus(201);
        awaitBooking(b -> b.get("refundedAmount").get("amount").asLong() == 1000);
        provider.dispute(support, booked, 1000, "fraudulent");
        String disputeId = await().atMost(WAIT).until(this::hostsDisputeId, id -> id != null);
        awaitDisputeStatus(disputeId, "NEEDS_RESPONSE");
        provider.decideDispute(support, booked, true);
        awaitDisputeStatus(disputeId, "WON");

        await().atMost(WAIT).until(() -> LedgerChecks.walletOf(api, host).getOrDefault("EUR:available", 0L) >= 1000
                && HostEarnings.knownToWallet(events, host) >= 1000);
        api.post("/api/me/payout-account", host.accessToken(), null).expectStatus(200);
        provider.enablePayoutAccount(host);
        await().atMost(WAIT).until(() -> api.get("/api/me/payout-account", host.accessToken()).json().path("status").asString(),
                "ENABLED"::equals);
        payoutId = api.postOnce("/api/payouts", host.accessToken(), Map.of("amount", Gatherings.money(1000))).expectStatus(201).json()
                .get("payoutId").asString();
        await().atMost(WAIT).until(() -> api.get("/api/payouts/" + payoutId, host.accessToken()).json().path("status").asString(),
                "PAID"::equals);
    }

    @Test
    void theBookingsTimelineTellsItsWholeStoryInTheStoresOrder() {
        List<JsonNode> story = awaitTimeline("booking", booked.bookingId(), "PayoutPaid");

        assertThat(types(story)).containsSubsequence("SeatsHeld", "PaymentRequested", "PaymentCaptured", "SeatsConfirmed",
                "RefundRequested", "PaymentRefunded", "PaymentDisputed", "DisputeOpened", "DisputeWon", "EarningsReleased",
                "PayoutFundsReserved", "PayoutSent", "PayoutPaid");
        // What the story's events caused elsewhere belongs to it too: the guest was told, the chat let them in.
        assertThat(types(story)).contains("EarningsRecorded", "NotificationPlanned", "PayoutRequested");
        assertThat(story).extracting(item -> item.get("position").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(story).allSatisfy(item -> {
            assertThat(item.get("eventId").asString()).isNotBlank();
            assertThat(item.get("occurredAt").asString()).isNotBlank();
            assertThat(item.get("aggregateType").asString()).isNotBlank();
            assertThat(item.get("correlationId").asString()).isNotBlank();
            assertThat(item.get("causationId").asString()).isNotBlank();
            assertThat(item.get("actor").get("kind").asString()).isIn("USER", "PROVIDER", "DEADLINE", "SYSTEM");
        });
        assertThat(aggregateTypes(story)).contains("Gathering", "Payment", "Dispute", "GatheringEarnings", "HostWallet", "Payout");

        JsonNode held = find(story, "SeatsHeld");
        assertThat(held.get("actor").get("kind").asString()).isEqualTo("USER");
        assertThat(held.get("actor").get("userId").asString()).isEqualTo(guest.userId());
        assertThat(held.get("payload").get("bookingId").asString()).isEqualTo(booked.bookingId());
        assertThat(held.has("postings")).isFalse();

        JsonNode refunded = find(story, "PaymentRefunded");
        long sum = 0;
        for (JsonNode posting : refunded.get("postings")) {
            sum += posting.get("amount").get("amount").asLong();
        }
        assertThat(refunded.get("postings")).isNotEmpty();
        assertThat(sum).isZero();
        assertThat(find(story, "RefundRequested").get("actor").get("userId").asString()).isEqualTo(support.userId());
    }

    @Test
    void aWebhooksCommandIsARootWhoseActorIsTheProvider() {
        JsonNode captured = find(awaitTimeline("booking", booked.bookingId(), "PayoutPaid"), "PaymentCaptured");

        assertThat(captured.get("actor").get("kind").asString()).isEqualTo("PROVIDER");
        assertThat(captured.get("actor").get("provider").asString()).isEqualTo(provider.name());
        assertThat(captured.get("actor").has("userId")).isFalse();
        assertThat(captured.get("causationType").asString()).startsWith("command:");
        // The provider's command started the chain: what it made is caused by it and correlated to it.
        assertThat(captured.get("correlationId").asString()).isEqualTo(captured.get("causationId").asString());
        assertThat(captured.has("causingEventId") && !captured.get("causingEventId").isNull()).isFalse();
    }

    @Test
    void whatASagaDoesIsCausedByTheEventItHandled() {
        List<JsonNode> story = awaitTimeline("booking", booked.bookingId(), "PayoutPaid");
        JsonNode captured = find(story, "PaymentCaptured");
        JsonNode confirmed = find(story, "SeatsConfirmed");

        assertThat(confirmed.get("causationType").asString()).isEqualTo("command:ConfirmSeats");
        assertThat(confirmed.get("causingEventId").asString()).isEqualTo(captured.get("eventId").asString());
        assertThat(confirmed.get("correlationId").asString()).isEqualTo(captured.get("correlationId").asString());
        assertThat(confirmed.get("actor").get("kind").asString()).isEqualTo("PROVIDER");
    }

    @Test
    void whatADeadlineMakesIsCausedByTheDeadlineWhichTheSchedulingCommandCaused() {
        JsonNode released = find(awaitTimeline("booking", booked.bookingId(), "PayoutPaid"), "EarningsReleased");

        assertThat(released.get("actor").get("kind").asString()).isEqualTo("DEADLINE");
        assertThat(released.get("causationType").asString()).startsWith("deadline:");
        assertThat(released.get("postings")).isNotEmpty();
        // The deadline itself is not stored; the release records which message scheduled it.
        Map<String, String> stored = storedMetaData(released.get("eventId").asString());
        assertThat(stored.get(Causation.SCHEDULED_BY_KEY)).isNotBlank();
        assertThat(stored.get(Causation.CAUSATION_ID_KEY)).isEqualTo(released.get("causationId").asString());
        assertThat(stored.get(Causation.CORRELATION_ID_KEY)).isNotEqualTo(stored.get(Causation.CAUSATION_ID_KEY));
        // The nearest stored cause is the gathering's end, which had the release scheduled; the deadline is not stored.
        String causingType = jdbc.queryForObject("select payload_type from domain_event_entry where event_identifier = ?", String.class,
                released.get("causingEventId").asString());
        assertThat(causingType).endsWith("GatheringEnded");
    }

    @Test
    void thePayoutsTimelineHoldsTheReleaseItPaidOutAndTheHostsHoldsThePayout() {
        List<JsonNode> payout = awaitTimeline("payout", payoutId, "PayoutPaid");
        assertThat(types(payout)).containsSubsequence("EarningsReleased", "PayoutFundsReserved", "PayoutPaid");
        assertThat(types(payout)).contains("PayoutRequested", "PayoutApproved");
        assertThat(find(payout, "EarningsReleased").get("payload").get("gatheringId").asString()).isEqualTo(booked.gatheringId());

        List<JsonNode> hosts = awaitTimeline("host", host.userId(), "PayoutPaid");
        assertThat(types(hosts)).contains("SeatsHeld", "PaymentCaptured", "EarningsReleased", "PayoutPaid");
        assertThat(types(awaitTimeline("payment", booked.paymentId(), "DisputeWon")))
                .containsSubsequence("PaymentRequested", "PaymentCaptured", "PaymentRefunded", "DisputeWon");
        assertThat(types(awaitTimeline("gathering", booked.gatheringId(), "EarningsReleased"))).contains("SeatsHeld", "PaymentCaptured");
    }

    /**
     * A processor that meets events again without a reset (a token that went back: a segment taken over from a process
     * whose last batch had committed, say) files none of them twice and moves no payout coverage twice; the events after
     * them are filed as ever.
     */
    @Test
    void eventsMetAgainAreNotFiledTwice() {
        List<JsonNode> whole = awaitTimeline("booking", booked.bookingId(), "PayoutPaid");
        List<String> story = eventIds(whole);
        long first = jdbc.queryForObject("select min(global_index) from domain_event_entry where aggregate_identifier = ?", Long.class,
                booked.gatheringId());
        // The store is shared with other tests' events: what is compared is this story's.
        Long[] positions = whole.stream().map(item -> item.get("position").asLong()).toArray(Long[]::new);
        String entries = "select global_index, subject from audit_timeline_entries where global_index = any(?) order by 1, 2";
        List<Map<String, Object>> entriesBefore = jdbc.queryForList(entries, (Object) positions);
        String coverage = "select gathering_id, currency, amount_minor from audit_payout_coverage where payout_id = ? order by coverage_id";
        String lots = "select gathering_id, currency, remaining_minor from audit_available_lots where host_id = ? order by lot_id";
        List<Map<String, Object>> coverageBefore = jdbc.queryForList(coverage, payoutId);
        List<Map<String, Object>> lotsBefore = jdbc.queryForList(lots, host.userId());

        StreamingEventProcessor timeline = processing.eventProcessor(TIMELINE, StreamingEventProcessor.class).orElseThrow();
        timeline.shutDown();
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            tokens.storeToken(GapAwareTrackingToken.newInstance(first - 1, List.of()), TIMELINE, 0);
            tokens.releaseClaim(TIMELINE, 0);
        });
        timeline.start();
        String later = Gatherings.publish(api, host, Gatherings.gathering("After the rewind " + UUID.randomUUID(),
                List.of(Gatherings.tier("Seat", PRICE, 4))));
        awaitTimeline("gathering", later, "GatheringPublished");

        assertThat(eventIds(awaitTimeline("booking", booked.bookingId(), "PayoutPaid"))).isEqualTo(story);
        assertThat(jdbc.queryForList(entries, (Object) positions)).isEqualTo(entriesBefore);
        assertThat(jdbc.queryForList(coverage, payoutId)).isEqualTo(coverageBefore);
        assertThat(jdbc.queryForList(lots, host.userId())).isEqualTo(lotsBefore);
    }

    @Test
    void aLongStoryIsPagedByItsCursor() {
        List<JsonNode> whole = awaitTimeline("booking", booked.bookingId(), "PayoutPaid");
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/staff/audit/booking/" + booked.bookingId() + "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
                    finance.accessToken()).expectStatus(200).json();
            page.get("items").forEach(item -> paged.add(item.get("eventId").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);

        assertThat(paged).isEqualTo(whole.stream().map(item -> item.get("eventId").asString()).toList());
    }

    @Test
    void onlySupportAndFinanceReadTimelinesAndAnUnknownIdIsNotFound() {
        String path = "/api/staff/audit/booking/" + booked.bookingId();
        api.get(path, null).expectStatus(401);
        Response asGuest = api.get(path, guest.accessToken());
        asGuest.expectStatus(403);
        assertThat(asGuest.code()).isEqualTo("FORBIDDEN");
        api.get("/api/staff/audit/payout/" + payoutId, host.accessToken()).expectStatus(403);

        Response unknown = api.get("/api/staff/audit/booking/" + UUID.randomUUID(), support.accessToken());
        unknown.expectStatus(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND");
        api.get("/api/staff/audit/payout/" + booked.bookingId(), support.accessToken()).expectStatus(404);
        api.get(path + "?cursor=nonsense", support.accessToken()).expectStatus(400);
        api.get(path + "?limit=0", support.accessToken()).expectStatus(400);
        // An aggregate's own trail is still there under its class name.
        assertThat(api.get("/api/staff/audit/Payment/" + booked.paymentId(), support.accessToken()).expectStatus(200).json()
                .get("events")).isNotEmpty();
    }

    private List<JsonNode> awaitTimeline(String subject, String id, String lastType) {
        return await().atMost(WAIT).until(() -> {
            Response response = api.get("/api/staff/audit/" + subject + "/" + id + "?limit=500", support.accessToken());
            if (response.status() != 200) {
                return List.<JsonNode>of();
            }
            List<JsonNode> items = new ArrayList<>();
            response.json().get("items").forEach(items::add);
            return items;
        }, items -> types(items).contains(lastType));
    }

    private Map<String, String> storedMetaData(String eventId) {
        byte[] metaData = jdbc.queryForObject("select meta_data from domain_event_entry where event_identifier = ?", byte[].class, eventId);
        JsonNode tree = JsonMapper.builder().build().readTree(new String(metaData, StandardCharsets.UTF_8));
        Map<String, String> values = new HashMap<>();
        tree.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
        return values;
    }

    private void awaitBooking(java.util.function.Predicate<JsonNode> condition) {
        await().atMost(WAIT).until(() -> api.get("/api/bookings/" + booked.bookingId(), guest.accessToken()),
                response -> response.status() == 200 && condition.test(response.json()));
    }

    private String hostsDisputeId() {
        for (JsonNode dispute : api.get("/api/me/disputes", host.accessToken()).expectStatus(200).json().get("items")) {
            return dispute.get("disputeId").asString();
        }
        return null;
    }

    private void awaitDisputeStatus(String disputeId, String status) {
        await().atMost(WAIT).until(() -> api.get("/api/staff/disputes/" + disputeId, support.accessToken()),
                response -> response.status() == 200 && status.equals(response.json().get("status").asString()));
    }

    private static List<String> eventIds(List<JsonNode> items) {
        return items.stream().map(item -> item.get("eventId").asString()).toList();
    }

    private static List<String> types(List<JsonNode> items) {
        return items.stream().map(item -> item.get("type").asString()).toList();
    }

    private static List<String> aggregateTypes(List<JsonNode> items) {
        return items.stream().map(item -> item.get("aggregateType").asString()).distinct().toList();
    }

    private static JsonNode find(List<JsonNode> items, String type) {
        return items.stream().filter(item -> type.equals(item.get("type").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + types(items)));
    }
}
