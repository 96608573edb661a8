package app.soiree.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringEnded;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.EarningsFrozen;
import app.soiree.api.ledger.EarningsId;
import app.soiree.api.ledger.EarningsReleaseScheduled;
import app.soiree.api.ledger.EarningsReleased;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.Posting;
import app.soiree.api.ledger.Postings;
import app.soiree.api.payment.PaymentCaptured;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Release, end to end: a paid gathering ends, and {@code soiree.wallet.release-after} later (two
 * seconds under the test profile) its host's net moves from pending to available; a cancelled
 * gathering's net never does.
 */
@IntegrationTest
class EarningsReleaseTest {

    private static final Duration RELEASE_AFTER = Duration.ofSeconds(2); // application-test.yml

    @LocalServerPort
    int port;
    @Autowired
    EventStore events;

    private Api api;
    private Session host;
    private Session guest;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        host = api.newHost("Earning Host");
        guest = api.newUser("Paying Guest");
    }

    @Test
    void aPaidGatheringsNetBecomesAvailableAfterItEnds() {
        Instant startsAt = soon();
        String gatheringId = publish("Sunset dinner", startsAt);
        PaymentCaptured captured = bookAndPay(gatheringId, 2);
        Money net = netOf(captured);
        assertThat(net.amountMinor()).isEqualTo(4720); // 5000 less 5 % and 30 (application.yml)
        EarningsId earnings = EarningsId.forGathering(GatheringId.of(gatheringId));

        EarningsReleased released = await().atMost(Duration.ofSeconds(30)).until(() -> first(earnings.toString(), EarningsReleased.class),
                Optional::isPresent).orElseThrow();

        UserId hostId = UserId.of(host.userId());
        assertThat(released.gatheringId()).isEqualTo(GatheringId.of(gatheringId));
        assertThat(released.hostId()).isEqualTo(hostId);
        assertThat(released.amount()).isEqualTo(net);
        assertThat(Postings.requireBalanced(released.postings())).containsExactlyInAnyOrder(
                Posting.debit(LedgerAccounts.hostPending(hostId), net), Posting.credit(LedgerAccounts.hostAvailable(hostId), net));
        GatheringEnded ended = first(gatheringId, GatheringEnded.class).orElseThrow();
        EarningsReleaseScheduled scheduled = first(earnings.toString(), EarningsReleaseScheduled.class).orElseThrow();
        assertThat(scheduled.releaseAt()).isEqualTo(ended.endedAt().plus(RELEASE_AFTER));
        assertThat(released.releasedAt()).isAfterOrEqualTo(scheduled.releaseAt());
        assertThat(all(earnings.toString(), EarningsReleased.class)).hasSize(1);
    }

    @Test
    void aCancelledGatheringsNetNeverBecomesAvailable() {
        Instant startsAt = soon();
        String gatheringId = publish("Rained off", startsAt);
        bookAndPay(gatheringId, 1);
        EarningsId earnings = EarningsId.forGathering(GatheringId.of(gatheringId));

        api.post("/api/gatherings/" + gatheringId + "/cancel", host.accessToken(), Map.of("reason", "Storm warning")).expectStatus(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> first(earnings.toString(), EarningsFrozen.class), Optional::isPresent);
        // Past the time the release would have come, had the gathering ended as planned.
        Instant wouldHaveBeenReleased = startsAt.plusSeconds(1).plus(RELEASE_AFTER);
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(wouldHaveBeenReleased.plusSeconds(3)));
        assertThat(first(earnings.toString(), EarningsReleaseScheduled.class)).isEmpty();
        assertThat(first(earnings.toString(), EarningsReleased.class)).isEmpty();
    }

    /** Far enough ahead to publish, book and pay before it starts, even on a busy machine. */
    private static Instant soon() {
        return Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Publishes a gathering with one paid tier that lasts a second; returns its id. */
    private String publish(String title, Instant startsAt) {
        return Gatherings.publish(api, host, Gatherings.gathering(title, startsAt, startsAt.plusSeconds(1),
                List.of(Gatherings.tier("Seat", 2500, 5))));
    }

    private PaymentCaptured bookAndPay(String gatheringId, int quantity) {
        String tierId = Gatherings.firstTierId(api, gatheringId);
        JsonNode booking = api.postOnce("/api/bookings", guest.accessToken(),
                Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", quantity)).expectStatus(201).json();
        String paymentId = booking.get("payment").get("paymentId").asString();
        api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);
        return await().atMost(Duration.ofSeconds(10)).until(() -> first(paymentId, PaymentCaptured.class), Optional::isPresent)
                .orElseThrow();
    }

    /** What the capture credited to the host's pending account, as a positive amount. */
    private Money netOf(PaymentCaptured captured) {
        String pending = LedgerAccounts.hostPending(captured.hostId());
        return captured.postings().stream().filter(posting -> posting.account().equals(pending)).map(Posting::amount)
                .reduce(Money::plus).orElseThrow().negated();
    }

    private <T> Optional<T> first(String aggregateId, Class<T> type) {
        return all(aggregateId, type).stream().findFirst();
    }

    private <T> List<T> all(String aggregateId, Class<T> type) {
        return events.readEvents(aggregateId, 0L).asStream().map(message -> message.getPayload()).filter(type::isInstance)
                .map(type::cast).filter(Objects::nonNull).toList();
    }
}
