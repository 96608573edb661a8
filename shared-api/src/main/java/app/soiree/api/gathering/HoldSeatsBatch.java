package app.soiree.api.gathering;

import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * Several guests' {@link HoldSeats} for one gathering, decided one after another in one unit of work and one commit.
 * Each hold keeps its sender: {@code metaData} is what its own command would have carried (who sent it), and
 * {@code messageId} stands for that command's id, so its events and its expiry deadline are caused by it as if it had
 * been sent alone.
 */
public record HoldSeatsBatch(@TargetAggregateIdentifier GatheringId gatheringId, List<Hold> holds) {

    public HoldSeatsBatch {
        holds = List.copyOf(holds);
    }

    public record Hold(HoldSeats command, String messageId, Map<String, String> metaData) {

        public Hold {
            metaData = Map.copyOf(metaData);
        }
    }

    /**
     * One hold's answer: seats reserved, sold out, or the refusal it would have been given alone ({@code refusal}, the
     * error code's name, as a refusal crosses the command bus, and {@code message}). Concrete types rather than
     * {@link HoldOutcome}, so the answer crosses a distributed command bus. {@code left}: the seats the hold's tier had
     * left once it was decided (none for a tier the gathering does not have), which the line in front of the gathering
     * counts the holds still waiting against.
     */
    public record Answer(@Nullable SeatsReservation reservation, @Nullable SoldOut soldOut, @Nullable String refusal,
                         @Nullable String message, @Nullable Integer left) {

        public static Answer of(HoldOutcome outcome, @Nullable Integer left) {
            return switch (outcome) {
                case SeatsReservation reservation -> new Answer(reservation, null, null, null, left);
                case SoldOut soldOut -> new Answer(null, soldOut, null, null, left);
            };
        }

        public static Answer refused(String refusal, String message, @Nullable Integer left) {
            return new Answer(null, null, refusal, message, left);
        }
    }
}
