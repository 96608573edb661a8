package app.soiree.command.ledger;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.EarningsFrozen;
import app.soiree.api.ledger.EarningsId;
import app.soiree.api.ledger.EarningsRecorded;
import app.soiree.api.ledger.EarningsReleaseScheduled;
import app.soiree.api.ledger.EarningsReleased;
import app.soiree.api.ledger.EarningsSettled;
import app.soiree.api.ledger.FreezeEarnings;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.Posting;
import app.soiree.api.ledger.Postings;
import app.soiree.api.ledger.RecordEarnings;
import app.soiree.api.ledger.ScheduleEarningsRelease;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.Nullable;

/**
 * A gathering's net earnings on their way from {@code host:{id}:pending} to {@code host:{id}:available}.
 * Its commands come from a tracking processor, so each arrives any number of times and in no promised
 * order: every one of them creates the aggregate if need be and changes nothing the second time.
 * Changes before the release (captures, refunds, disputes) add up to what the release moves; a change
 * after it is settled at once ({@link EarningsSettled}), so pending returns to what is still to be
 * released. A cancelled gathering's earnings are never released: its refunds empty its pending.
 *
 * <p>It gets an event for every capture, refund and dispute of its gathering, so it is cached and
 * snapshotted ({@link EarningsConfiguration}): without that, each capture replayed all the earlier ones.
 */
@Aggregate(cache = EarningsConfiguration.EARNINGS_CACHE, snapshotTriggerDefinition = EarningsConfiguration.EARNINGS_SNAPSHOT_TRIGGER)
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class GatheringEarnings {

    static final String RELEASE_DEADLINE = "earnings-release";

    @AggregateIdentifier
    private EarningsId earningsId;
    private GatheringId gatheringId;
    private UserId hostId;
    private Set<String> sources = new HashSet<>();
    private @Nullable Money total;
    private boolean scheduled;
    private boolean frozen;
    private boolean released;

    protected GatheringEarnings() {
        // for Axon's event sourcing, and for whichever command comes first
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordEarnings command, Clock clock) {
        if (sources.contains(command.source())) {
            return;
        }
        Money net = command.net();
        if (total != null && !total.currency().equals(net.currency())) {
            throw new IllegalStateException("Earnings of " + command.gatheringId() + " in " + total.currency() + " cannot take " + net);
        }
        Instant now = clock.instant();
        apply(new EarningsRecorded(command.earningsId(), command.gatheringId(), command.hostId(), command.source(), net, now));
        if (released && !net.isZero()) {
            apply(new EarningsSettled(earningsId, gatheringId, hostId, command.source(), net, moveToAvailable(net), now));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ScheduleEarningsRelease command, Clock clock, DeadlineManager deadlines) {
        if (scheduled || frozen) {
            return;
        }
        apply(new EarningsReleaseScheduled(command.earningsId(), command.gatheringId(), command.hostId(), command.releaseAt(),
                clock.instant()));
        deadlines.schedule(command.releaseAt(), RELEASE_DEADLINE, command.earningsId());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(FreezeEarnings command, Clock clock, DeadlineManager deadlines) {
        if (frozen || released) {
            return; // a gathering that ended cannot be cancelled, so released earnings never meet a freeze
        }
        apply(new EarningsFrozen(command.earningsId(), command.gatheringId(), command.hostId(), command.reason(), clock.instant()));
        deadlines.cancelAllWithinScope(RELEASE_DEADLINE);
    }

    // A deadline handler's first parameter is the deadline's payload.
    @DeadlineHandler(deadlineName = RELEASE_DEADLINE)
    void release(EarningsId releasing, Clock clock) {
        if (frozen || released || total == null || total.isZero()) {
            return;
        }
        // A negative total (a dispute lost with its fee) is released too: the host's available balance carries the debt.
        apply(new EarningsReleased(gatheringId, hostId, total, moveToAvailable(total), clock.instant()));
    }

    /** Postings that move a signed amount from pending to available (a negative one moves a debt). */
    private List<Posting> moveToAvailable(Money amount) {
        return Postings.requireBalanced(List.of(
                Posting.debit(LedgerAccounts.hostPending(hostId), amount),
                Posting.credit(LedgerAccounts.hostAvailable(hostId), amount)));
    }

    @EventSourcingHandler
    void on(EarningsRecorded event) {
        identify(event.earningsId(), event.gatheringId(), event.hostId());
        sources.add(event.source());
        total = total == null ? event.net() : total.plus(event.net());
    }

    @EventSourcingHandler
    void on(EarningsReleaseScheduled event) {
        identify(event.earningsId(), event.gatheringId(), event.hostId());
        scheduled = true;
    }

    @EventSourcingHandler
    void on(EarningsFrozen event) {
        identify(event.earningsId(), event.gatheringId(), event.hostId());
        frozen = true;
    }

    @EventSourcingHandler
    void on(EarningsReleased event) {
        released = true;
    }

    private void identify(EarningsId earnings, GatheringId gathering, UserId host) {
        earningsId = earnings;
        gatheringId = gathering;
        hostId = host;
    }
}
