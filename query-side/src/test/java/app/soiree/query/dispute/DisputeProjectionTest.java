package app.soiree.query.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.dispute.DisputeClosed;
import app.soiree.api.dispute.DisputeEvidenceAdded;
import app.soiree.api.dispute.DisputeEvidenceOverdue;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.DisputeLost;
import app.soiree.api.dispute.DisputeOpened;
import app.soiree.api.dispute.DisputeOutcome;
import app.soiree.api.dispute.DisputePage;
import app.soiree.api.dispute.DisputeStatus;
import app.soiree.api.dispute.DisputeSummary;
import app.soiree.api.dispute.DisputeView;
import app.soiree.api.dispute.EvidenceId;
import app.soiree.api.dispute.FindDispute;
import app.soiree.api.dispute.FindDisputes;
import app.soiree.api.dispute.FindHostDisputes;
import app.soiree.api.dispute.HostDisputePage;
import app.soiree.api.dispute.PaymentDisputed;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.PaymentId;
import app.soiree.query.ProjectionTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dispute read side fed as a tracking processor feeds it, redeliveries included, and read through its queries. */
class DisputeProjectionTest extends ProjectionTest {

    static final Instant NOW = Instant.now();
    final UserId host = UserId.random();
    final UserId guest = UserId.random();
    final UserId support = UserId.random();

    @Autowired
    QueryGateway queries;

    @Test
    void aRedeliveredEventChangesNothing() {
        Opened dispute = open(2500, NOW.plus(Duration.ofDays(7)));
        EventMessage<?> evidence = message(new DisputeEvidenceAdded(dispute.id, new EvidenceId(UUID.randomUUID()), "Receipt", List.of(),
                support, NOW), support.toString());

        deliver(dispute.disputed);
        deliver(dispute.opened);
        deliver(dispute.disputed);
        deliver(evidence);
        deliver(evidence);

        DisputeView view = view(dispute.id);
        assertThat(view.evidence()).singleElement().satisfies(item -> assertThat(item.addedBy()).isEqualTo(support));
        assertThat(view.timeline()).extracting(DisputeView.TimelineEntry::what)
                .containsExactly("PaymentDisputed", "DisputeOpened", "DisputeEvidenceAdded");
        assertThat(view.timeline().get(2).actor()).isEqualTo(support.toString());
        assertThat(view.status()).isEqualTo(DisputeStatus.NEEDS_RESPONSE);
        assertThat(view.amount()).isEqualTo(Money.of(2500, "EUR"));
        assertThat(view.fee()).isEqualTo(Money.of(2000, "EUR"));
    }

    @Test
    void aDecidedDisputeIsClosedWhicheverOfItsClosingEventsComesFirst() {
        Opened dispute = open(2500, NOW.plus(Duration.ofDays(7)));
        deliver(dispute.disputed);
        deliver(message(new DisputeLost(dispute.payment, dispute.id, dispute.booking, dispute.gathering, host, Money.of(2500, "EUR"),
                Money.of(2000, "EUR"), Money.of(2500, "EUR"), List.of(), "evt_closed", NOW), "provider:stripe"));
        deliver(dispute.opened);
        deliver(message(new DisputeClosed(dispute.id, DisputeOutcome.LOST, NOW), "provider:stripe"));

        DisputeView view = view(dispute.id);
        assertThat(view.status()).isEqualTo(DisputeStatus.LOST);
        assertThat(view.closedAt()).isNotNull();
        assertThat(hostDisputes(host).items()).singleElement().satisfies(item -> assertThat(item.status()).isEqualTo(DisputeStatus.LOST));
    }

    @Test
    void theQueueSortsByDueDateFiltersAndCountsOverdueDisputes() {
        Opened overdue = open(1000, NOW.minus(Duration.ofHours(1)));
        Opened soon = open(2000, NOW.plus(Duration.ofHours(5)));
        Opened later = open(3000, NOW.plus(Duration.ofDays(5)));
        Opened marked = open(4000, NOW.plus(Duration.ofDays(6)));
        for (Opened dispute : List.of(later, overdue, marked, soon)) {
            deliver(dispute.disputed);
        }
        deliver(message(new DisputeEvidenceOverdue(marked.id, NOW.plus(Duration.ofDays(6)), 0, NOW), "system"));

        DisputePage all = queue(new FindDisputes(List.of(), null, null, null, null, 20));
        assertThat(all.items()).extracting(DisputeSummary::disputeId).containsExactly(overdue.id, soon.id, later.id, marked.id);
        assertThat(all.overdueCount()).isEqualTo(2);
        assertThat(all.items()).extracting(DisputeSummary::overdue).containsExactly(true, false, false, true);

        assertThat(queue(new FindDisputes(List.of(), null, null, Duration.ofDays(1), null, 20)).items())
                .extracting(DisputeSummary::disputeId).containsExactly(overdue.id, soon.id);
        assertThat(queue(new FindDisputes(List.of(), 2000L, 3000L, null, null, 20)).items())
                .extracting(DisputeSummary::disputeId).containsExactly(soon.id, later.id);
        assertThat(queue(new FindDisputes(List.of(DisputeStatus.WON), null, null, null, null, 20)).items()).isEmpty();

        List<DisputeId> paged = new ArrayList<>();
        String cursor = null;
        do {
            DisputePage page = queue(new FindDisputes(List.of(DisputeStatus.NEEDS_RESPONSE), null, null, null, cursor, 3));
            page.items().forEach(item -> paged.add(item.disputeId()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(paged).containsExactly(overdue.id, soon.id, later.id, marked.id);
    }

    @Test
    void aHostSeesOnlyTheirOwnDisputesNewestFirst() {
        Opened first = open(1000, NOW.plus(Duration.ofDays(7)));
        Opened second = open(2000, NOW.plus(Duration.ofDays(7)));
        deliver(first.disputed);
        deliver(second.disputed);

        assertThat(hostDisputes(host).items()).extracting(item -> item.disputeId()).containsExactly(second.id, first.id);
        assertThat(hostDisputes(UserId.random()).items()).isEmpty();
        assertThat(queries.query(new FindDispute(new DisputeId(UUID.randomUUID())), ResponseTypes.instanceOf(DisputeView.class)).join())
                .isNull();
    }

    // ---- helpers ----

    private int opened;

    private record Opened(DisputeId id, PaymentId payment, BookingId booking, GatheringId gathering, EventMessage<?> disputed,
                          EventMessage<?> opened) {
    }

    /** A dispute on a fresh payment, as the payment and then the dispute record it; each opened a second later than the last. */
    private Opened open(long amount, Instant dueBy) {
        Instant openedAt = NOW.plusSeconds(opened++);
        DisputeId id = new DisputeId(UUID.randomUUID());
        PaymentId payment = new PaymentId(UUID.randomUUID());
        BookingId booking = new BookingId(UUID.randomUUID());
        GatheringId gathering = new GatheringId(UUID.randomUUID());
        Money disputed = Money.of(amount, "EUR");
        Money fee = Money.of(2000, "EUR");
        PaymentDisputed paymentDisputed = new PaymentDisputed(payment, id, booking, gathering, host, guest, "stripe", "dp_" + amount, disputed,
                fee, disputed, "fraudulent", dueBy, List.of(), "evt_" + amount, openedAt, openedAt);
        DisputeOpened disputeOpened = new DisputeOpened(id, payment, booking, gathering, host, guest, "stripe", "dp_" + amount, disputed, fee,
                disputed, "fraudulent", dueBy, openedAt);
        return new Opened(id, payment, booking, gathering, message(paymentDisputed, "provider:stripe"), message(disputeOpened, "provider:stripe"));
    }

    private static EventMessage<?> message(Object payload, String actor) {
        return GenericEventMessage.asEventMessage(payload).andMetaData(Map.of(Actor.USER_ID_KEY, actor));
    }

    private void deliver(EventMessage<?> message) {
        events.deliver(DisputeProjection.PROCESSING_GROUP, message);
    }

    private DisputeView view(DisputeId id) {
        return queries.query(new FindDispute(id), ResponseTypes.instanceOf(DisputeView.class)).join();
    }

    private DisputePage queue(FindDisputes query) {
        return queries.query(query, ResponseTypes.instanceOf(DisputePage.class)).join();
    }

    private HostDisputePage hostDisputes(UserId hostId) {
        return queries.query(new FindHostDisputes(hostId, null, 20), ResponseTypes.instanceOf(HostDisputePage.class)).join();
    }
}
