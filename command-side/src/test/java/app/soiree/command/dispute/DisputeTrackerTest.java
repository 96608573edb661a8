package app.soiree.command.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.DisputeLost;
import app.soiree.api.dispute.DisputeOutcome;
import app.soiree.api.dispute.DisputeWon;
import app.soiree.api.dispute.PaymentDisputed;
import app.soiree.api.dispute.ProviderDisputeStatus;
import app.soiree.api.dispute.ProviderDisputeUpdated;
import app.soiree.api.dispute.RecordDisputeOutcome;
import app.soiree.api.dispute.RecordProviderDisputeUpdate;
import app.soiree.api.dispute.RegisterDispute;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.PaymentId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.Test;

/** The tracker turns what the payment booked into the dispute's commands, one for one, with everything the dispute needs. */
class DisputeTrackerTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant DUE = NOW.plusSeconds(7 * 24 * 3600);
    static final DisputeId DISPUTE = DisputeId.forProviderDispute("simulated", "sim_dp_1");
    static final PaymentId PAYMENT = new PaymentId(new UUID(0, 1));
    static final BookingId BOOKING = new BookingId(new UUID(0, 2));
    static final GatheringId GATHERING = new GatheringId(new UUID(0, 3));
    static final UserId HOST = new UserId(new UUID(0, 4));
    static final UserId GUEST = new UserId(new UUID(0, 5));
    static final Money AMOUNT = Money.of(2500, "EUR");
    static final Money FEE = Money.of(2000, "EUR");

    private final RecordingCommandBus bus = new RecordingCommandBus();
    private final DisputeTracker tracker = new DisputeTracker(DefaultCommandGateway.builder().commandBus(bus).build());

    @Test
    void registersTheDisputeTheProviderOpened() {
        tracker.on(new PaymentDisputed(PAYMENT, DISPUTE, BOOKING, GATHERING, HOST, GUEST, "simulated", "sim_dp_1", AMOUNT, FEE, AMOUNT,
                "fraudulent", DUE, List.of(), "evt_1", NOW, NOW));

        assertThat(sent()).containsExactly(new RegisterDispute(DISPUTE, PAYMENT, BOOKING, GATHERING, HOST, GUEST, "simulated", "sim_dp_1",
                AMOUNT, FEE, AMOUNT, "fraudulent", DUE, NOW));
    }

    @Test
    void passesOnTheProvidersUpdatesAndItsDecision() {
        tracker.on(new ProviderDisputeUpdated(PAYMENT, DISPUTE, ProviderDisputeStatus.UNDER_REVIEW, DUE, NOW, "evt_2"));
        tracker.on(new DisputeWon(PAYMENT, DISPUTE, BOOKING, GATHERING, HOST, AMOUNT, FEE, AMOUNT, List.of(), "evt_3", NOW));
        tracker.on(new DisputeLost(PAYMENT, DISPUTE, BOOKING, GATHERING, HOST, AMOUNT, FEE, AMOUNT, List.of(), "evt_4", NOW));

        assertThat(sent()).containsExactly(
                new RecordProviderDisputeUpdate(DISPUTE, ProviderDisputeStatus.UNDER_REVIEW, DUE),
                new RecordDisputeOutcome(DISPUTE, DisputeOutcome.WON, NOW),
                new RecordDisputeOutcome(DISPUTE, DisputeOutcome.LOST, NOW));
    }

    private List<Object> sent() {
        return bus.getDispatchedCommands().stream().map(CommandMessage::getPayload).map(Object.class::cast).toList();
    }
}
