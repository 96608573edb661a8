package app.soiree.command.dispute;

import app.soiree.api.dispute.DisputeLost;
import app.soiree.api.dispute.DisputeOutcome;
import app.soiree.api.dispute.DisputeWon;
import app.soiree.api.dispute.PaymentDisputed;
import app.soiree.api.dispute.ProviderDisputeUpdated;
import app.soiree.api.dispute.RecordDisputeOutcome;
import app.soiree.api.dispute.RecordProviderDisputeUpdate;
import app.soiree.api.dispute.RegisterDispute;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Carries what the payment booked about a dispute to the {@link Dispute} support works on: opened, updated by the
 * provider, won or lost. One segment in stream order, so a dispute is always registered before it is closed; every
 * command is idempotent, and a failed one is retried, never skipped ({@link DisputeConfiguration}).
 */
@Component
@ProcessingGroup(DisputeTracker.PROCESSING_GROUP)
class DisputeTracker {

    static final String PROCESSING_GROUP = "disputes";

    private final CommandGateway commands;

    DisputeTracker(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PaymentDisputed event) {
        commands.sendAndWait(new RegisterDispute(event.disputeId(), event.paymentId(), event.bookingId(), event.gatheringId(),
                event.hostId(), event.guestId(), event.provider(), event.providerDisputeId(), event.amount(), event.fee(),
                event.hostShare(), event.reason(), event.evidenceDueBy(), event.openedAt()));
    }

    @EventHandler
    void on(ProviderDisputeUpdated event) {
        commands.sendAndWait(new RecordProviderDisputeUpdate(event.disputeId(), event.status(), event.evidenceDueBy()));
    }

    @EventHandler
    void on(DisputeWon event) {
        commands.sendAndWait(new RecordDisputeOutcome(event.disputeId(), DisputeOutcome.WON, event.wonAt()));
    }

    @EventHandler
    void on(DisputeLost event) {
        commands.sendAndWait(new RecordDisputeOutcome(event.disputeId(), DisputeOutcome.LOST, event.lostAt()));
    }
}
