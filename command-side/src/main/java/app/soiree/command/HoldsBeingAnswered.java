package app.soiree.command;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Booking requests past the edge and not yet answered: guests waiting for a hold to be decided and its payment started.
 * In a rush these answers are the ones that matter, and on two cores they share the CPU with the settling of the
 * bookings held a moment before (the provider's captures applied, seats confirmed, seat counts kept): measured, the
 * settling of a booking costs more than its hold. The settling waits for the holds being answered, a short while at most
 * ({@code soiree.events.settlement-max-lag}: the {@code settlementEvents} processors, the provider inbox), so that the
 * guests still in line are answered first and the bookings they make are settled right behind them.
 */
@Component
public class HoldsBeingAnswered {

    private final InFlight holds = new InFlight();

    /** Counts a booking request until the returned handle is closed. */
    public Answering answering() {
        holds.started();
        return holds::ended;
    }

    /**
     * Returns once no hold is being answered, or when {@code maxWait} has passed, whichever comes first.
     *
     * @return whether none is being answered now
     */
    public boolean awaitNone(Duration maxWait) throws InterruptedException {
        return holds.awaitNone(maxWait);
    }

    /** A booking request being answered; closed once it is. */
    public interface Answering extends AutoCloseable {
        @Override
        void close();
    }
}
