package app.soiree.command.ledger;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringCancelled;
import app.soiree.api.gathering.GatheringEnded;
import app.soiree.api.ledger.EarningsId;
import app.soiree.api.ledger.FreezeEarnings;
import app.soiree.api.ledger.HostEarningsEvent;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.Posting;
import app.soiree.api.ledger.RecordEarnings;
import app.soiree.api.ledger.ScheduleEarningsRelease;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Follows captures, refunds, disputes, ends and cancellations into each gathering's earnings. A tracking processor
 * delivers at least once, so every command it sends is idempotent; a command that fails is retried,
 * not skipped ({@link EarningsConfiguration}), since a skipped end would leave earnings pending forever.
 */
@Component
@ProcessingGroup(EarningsTracker.PROCESSING_GROUP)
class EarningsTracker {

    static final String PROCESSING_GROUP = "earnings";

    private final CommandGateway commands;
    private final WalletPolicy policy;

    EarningsTracker(CommandGateway commands, WalletPolicy policy) {
        this.commands = commands;
        this.policy = policy;
    }

    /** Whatever a money event posts to the host's pending account (a credit is what the host earned) counts once. */
    @EventHandler
    void on(HostEarningsEvent event, @MessageIdentifier String eventId) {
        String pending = LedgerAccounts.hostPending(event.hostId());
        event.postings().stream().filter(posting -> posting.account().equals(pending)).map(Posting::amount).reduce(Money::plus)
                .map(Money::negated)
                .ifPresent(net -> commands.sendAndWait(new RecordEarnings(EarningsId.forGathering(event.gatheringId()),
                        event.gatheringId(), event.hostId(), eventId, net)));
    }

    @EventHandler
    void on(GatheringEnded event) {
        commands.sendAndWait(new ScheduleEarningsRelease(EarningsId.forGathering(event.gatheringId()), event.gatheringId(),
                event.hostId(), event.endedAt().plus(policy.releaseAfter())));
    }

    @EventHandler
    void on(GatheringCancelled event) {
        commands.sendAndWait(new FreezeEarnings(EarningsId.forGathering(event.gatheringId()), event.gatheringId(), event.hostId(),
                event.reason()));
    }
}
