package app.soiree.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.audit.CausalTimelinePage;
import app.soiree.api.audit.Causation;
import app.soiree.api.audit.FindCausalTimeline;
import app.soiree.api.audit.TimelineEventView;
import app.soiree.api.audit.TimelineSubject;
import app.soiree.api.dispute.DisputeClosed;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.DisputeOpened;
import app.soiree.api.dispute.DisputeOutcome;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.SeatsHeld;
import app.soiree.api.gathering.TierId;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.ActorKind;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.EarningsId;
import app.soiree.api.ledger.EarningsRecorded;
import app.soiree.api.ledger.EarningsReleased;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payment.PaymentCaptured;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.payment.PaymentRequested;
import app.soiree.api.payout.AvailableFundsRecorded;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.PayoutFundsReserved;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.PayoutPaid;
import app.soiree.api.payout.PayoutRequested;
import app.soiree.query.ProjectionTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A booking's story gathered from the aggregates it touched, as the index files events and the query reads them back
 * from the store: its own events, those of its payment and dispute, the earnings recorded for its capture, its
 * gathering's release and the payout that paid that out; never another booking's events.
 */
class CausalTimelineTest extends ProjectionTest {

    static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    @Autowired
    QueryGateway queries;
    @Autowired
    EventStore eventStore;

    final UserId host = new UserId(UUID.randomUUID());
    final UserId guest = new UserId(UUID.randomUUID());
    final GatheringId gathering = new GatheringId(UUID.randomUUID());
    final BookingId booking = new BookingId(UUID.randomUUID());
    final PaymentId payment = new PaymentId(UUID.randomUUID());
    final DisputeId dispute = new DisputeId(UUID.randomUUID());
    final PayoutId payout = new PayoutId(UUID.randomUUID());
    final Money price = Money.of(2500, "EUR");
    final Money net = Money.of(2345, "EUR");
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<DomainEventMessage<?>> filed = new ArrayList<>();
    private long position = 1_000;

    @Test
    void aBookingsStoryCrossesItsAggregatesAndEndsWithThePayoutOfItsEarnings() {
        DomainEventMessage<?> held = store("Gathering", gathering.toString(), seatsHeld(booking, guest), user(guest));
        DomainEventMessage<?> otherHold = store("Gathering", gathering.toString(), seatsHeld(new BookingId(UUID.randomUUID()),
                new UserId(UUID.randomUUID())), user(guest));
        store("Payment", payment.toString(), new PaymentRequested(payment, booking, gathering, host, guest, price, "simulated", T, null),
                causedBy(held));
        DomainEventMessage<?> captured = store("Payment", payment.toString(), captured(), provider());
        store("GatheringEarnings", EarningsId.forGathering(gathering).toString(), new EarningsRecorded(EarningsId.forGathering(gathering),
                gathering, host, captured.getIdentifier(), net, T), causedBy(captured));
        store("Dispute", dispute.toString(), new DisputeOpened(dispute, payment, booking, gathering, host, guest,
                "simulated", "dp_1", price, Money.of(0, "EUR"), price, "fraudulent", T, T), provider());
        // names only the dispute: the index learnt from the opening whose payment and booking it is
        DomainEventMessage<?> closed = store("Dispute", dispute.toString(), new DisputeClosed(dispute, DisputeOutcome.WON, T),
                provider());
        DomainEventMessage<?> released = store("GatheringEarnings", EarningsId.forGathering(gathering).toString(),
                new EarningsReleased(gathering, host, net, List.of(Posting.debit(LedgerAccounts.hostPending(host), net),
                        Posting.credit(LedgerAccounts.hostAvailable(host), net)), T), Map.of());
        store("HostWallet", HostWalletId.forHost(host).toString(), new AvailableFundsRecorded(HostWalletId.forHost(host), host,
                released.getIdentifier() + ":EUR", "EarningsReleased", net, T), causedBy(released));
        Money paidOut = Money.of(1000, "EUR");
        store("Payout", payout.toString(), new PayoutRequested(payout, host, paidOut, "acct_1", 0, T), user(host));
        store("HostWallet", HostWalletId.forHost(host).toString(), new PayoutFundsReserved(HostWalletId.forHost(host), host, payout,
                paidOut, "acct_1", List.of(Posting.debit(LedgerAccounts.hostAvailable(host), paidOut),
                        Posting.credit(LedgerAccounts.hostReserved(host), paidOut)), T), user(host));
        store("Payout", payout.toString(), new PayoutPaid(payout, host, paidOut, "tr_1", List.of(
                Posting.debit(LedgerAccounts.PAYOUTS_IN_TRANSIT, paidOut), Posting.credit(LedgerAccounts.PROVIDER_CASH, paidOut)), T),
                provider());

        List<TimelineEventView> story = timeline(TimelineSubject.BOOKING, booking.value(), null, 100).items();

        assertThat(story).extracting(TimelineEventView::type).containsExactly("SeatsHeld", "PaymentRequested", "PaymentCaptured",
                "EarningsRecorded", "DisputeOpened", "DisputeClosed", "EarningsReleased", "AvailableFundsRecorded", "PayoutRequested",
                "PayoutFundsReserved", "PayoutPaid");
        assertThat(story).extracting(TimelineEventView::eventId).doesNotContain(otherHold.getIdentifier())
                .contains(closed.getIdentifier());
        assertThat(story).extracting(TimelineEventView::position).isSorted();
        TimelineEventView capture = story.get(2);
        assertThat(capture.postings()).hasSize(3);
        assertThat(capture.actor().kind()).isEqualTo(ActorKind.PROVIDER);
        assertThat(capture.actor().provider()).isEqualTo("simulated");
        assertThat(capture.payloadJson()).contains("\"providerReference\":\"pi_1\"");
        assertThat(story.get(3).causingEventId()).isEqualTo(captured.getIdentifier());
        assertThat(story.get(1).actor().userId()).isEqualTo(guest.toString());
        assertThat(story.get(1).causationType()).isEqualTo("command:RequestPayment");
    }

    @Test
    void aPayoutsStoryHoldsTheReleaseOfTheEarningsItPaidOutAndAHostsHoldsItAll() {
        Money paidOut = Money.of(1000, "EUR");
        store("GatheringEarnings", EarningsId.forGathering(gathering).toString(), new EarningsReleased(gathering, host, net, List.of(
                Posting.debit(LedgerAccounts.hostPending(host), net), Posting.credit(LedgerAccounts.hostAvailable(host), net)), T), Map.of());
        store("HostWallet", HostWalletId.forHost(host).toString(), new PayoutFundsReserved(HostWalletId.forHost(host), host, payout,
                paidOut, "acct_1", List.of(Posting.debit(LedgerAccounts.hostAvailable(host), paidOut),
                        Posting.credit(LedgerAccounts.hostReserved(host), paidOut)), T), user(host));

        assertThat(timeline(TimelineSubject.PAYOUT, payout.value(), null, 100).items()).extracting(TimelineEventView::type)
                .containsExactly("EarningsReleased", "PayoutFundsReserved");
        assertThat(timeline(TimelineSubject.HOST, host.value(), null, 100).items()).hasSize(2);
        assertThat(jdbc.sql("select gathering_id, amount_minor from audit_payout_coverage").query((row, n) -> row.getString(1) + "="
                + row.getLong(2)).list()).containsExactly(gathering + "=1000");
    }

    /** The index remembers a subject's parents once read; learning a new one must not leave it with the old answer. */
    @Test
    void aParentLearntAfterASubjectsParentsWereReadIsFollowedFromThenOn() {
        // a dispute's event naming only the dispute, before anything said whose payment it is: no parents yet
        DomainEventMessage<?> early = store("Dispute", dispute.toString(), new DisputeClosed(dispute, DisputeOutcome.LOST, T), provider());
        store("Dispute", dispute.toString(), new DisputeOpened(dispute, payment, booking, gathering, host, guest,
                "simulated", "dp_1", price, Money.of(0, "EUR"), price, "fraudulent", T, T), provider());
        DomainEventMessage<?> later = store("Dispute", dispute.toString(), new DisputeClosed(dispute, DisputeOutcome.WON, T), provider());

        assertThat(timeline(TimelineSubject.BOOKING, booking.value(), null, 10).items()).extracting(TimelineEventView::eventId)
                .contains(later.getIdentifier()).doesNotContain(early.getIdentifier());
    }

    @Test
    void aRedeliveredEventIsFiledOnceAndAStoryIsPagedInOrder() {
        for (int i = 0; i < 5; i++) {
            store("Gathering", gathering.toString(), seatsHeld(new BookingId(UUID.randomUUID()), guest), user(guest));
        }
        events.deliverAsStored(TimelineIndex.PROCESSING_GROUP, tracked(filed.getFirst(), 1_000));

        List<Long> positions = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            CausalTimelinePage page = timeline(TimelineSubject.GATHERING, gathering.value(), cursor, 2);
            page.items().forEach(item -> positions.add(item.position()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(positions).containsExactly(1_000L, 1_001L, 1_002L, 1_003L, 1_004L);
        assertThat(pages).isEqualTo(3);
        assertThat(timeline(TimelineSubject.USER, guest.value(), null, 10).items()).hasSize(5);
    }

    @Test
    void anEventStoredBeforeCausationIdsShowsAxonsFormerPairUnderTodaysNames() {
        store("Gathering", gathering.toString(), seatsHeld(booking, guest), Map.of(Actor.USER_ID_KEY, guest.toString(),
                Actor.ROLES_KEY, "GUEST", "correlationId", "parent-command", Causation.LEGACY_ROOT_KEY, "root-command"));

        TimelineEventView held = timeline(TimelineSubject.BOOKING, booking.value(), null, 10).items().getFirst();

        assertThat(held.causationId()).isEqualTo("parent-command");
        assertThat(held.correlationId()).isEqualTo("root-command");
        assertThat(held.actor().kind()).isEqualTo(ActorKind.USER);
        assertThat(held.actor().roles()).isEqualTo("GUEST");
        assertThat(held.postings()).isNull();
    }

    @Test
    void aSubjectWithNoEventHasNoStory() {
        assertThat(timeline(TimelineSubject.BOOKING, UUID.randomUUID(), null, 10)).isNull();
        store("Gathering", gathering.toString(), seatsHeld(booking, guest), user(guest));
        assertThat(timeline(TimelineSubject.PAYOUT, booking.value(), null, 10)).isNull();
    }

    private SeatsHeld seatsHeld(BookingId bookingId, UserId guestId) {
        return new SeatsHeld(gathering, host, bookingId, new TierId(UUID.randomUUID()), guestId, 1, price, T.plusSeconds(600), false, T);
    }

    private PaymentCaptured captured() {
        Money fee = price.minus(net);
        return new PaymentCaptured(payment, booking, gathering, host, guest, price, fee, null, List.of(
                Posting.debit(LedgerAccounts.PROVIDER_CASH, price), Posting.credit(LedgerAccounts.hostPending(host), net),
                Posting.credit(LedgerAccounts.PLATFORM_FEES, fee)), "pi_1", "evt_1", T);
    }

    private DomainEventMessage<?> store(String type, String aggregateId, Object payload, Map<String, ?> metaData) {
        long sequence = sequences.merge(aggregateId, 0L, (previous, ignored) -> previous + 1);
        DomainEventMessage<?> event = new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData);
        eventStore.publish(event);
        filed.add(event);
        events.deliverAsStored(TimelineIndex.PROCESSING_GROUP, tracked(event, position++));
        return event;
    }

    private static GenericTrackedDomainEventMessage<?> tracked(DomainEventMessage<?> event, long at) {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(at), event);
    }

    private static Map<String, ?> user(UserId userId) {
        return Map.of(Actor.USER_ID_KEY, userId.toString(), Actor.ROLES_KEY, "GUEST", ActorKind.KEY, "USER",
                Causation.CAUSATION_ID_KEY, UUID.randomUUID().toString(), Causation.CORRELATION_ID_KEY, UUID.randomUUID().toString());
    }

    private static Map<String, ?> provider() {
        return Map.of(Actor.USER_ID_KEY, "provider:simulated", ActorKind.KEY, "PROVIDER");
    }

    private Map<String, ?> causedBy(DomainEventMessage<?> cause) {
        Map<String, Object> metaData = new HashMap<>(cause.getMetaData());
        metaData.put(Causation.CAUSATION_ID_KEY, UUID.randomUUID().toString());
        metaData.put(Causation.CAUSATION_TYPE_KEY, cause.getPayload() instanceof SeatsHeld ? "command:RequestPayment" : "command:Record");
        metaData.put(Causation.CAUSING_EVENT_ID_KEY, cause.getIdentifier());
        return metaData;
    }

    private @Nullable CausalTimelinePage timeline(TimelineSubject subject, UUID id, @Nullable String cursor, int limit) {
        return queries.query(new FindCausalTimeline(subject, id, cursor, limit), ResponseTypes.instanceOf(CausalTimelinePage.class)).join();
    }
}
