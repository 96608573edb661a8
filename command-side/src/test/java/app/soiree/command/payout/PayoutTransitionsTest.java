package app.soiree.command.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of payout stages, allowed or refused: the table below is the only list of allowed moves; every other pair is refused. */
class PayoutTransitionsTest {

    private static final Set<String> ALLOWED = Set.of(
            "PENDING_APPROVAL -> APPROVED",
            "PENDING_APPROVAL -> REJECTED",
            "APPROVED -> SENDING",
            "SENDING -> PAID",
            "SENDING -> FAILED",
            "PAID -> FAILED");

    static Stream<Arguments> everyMove() {
        return Arrays.stream(Payout.Stage.values())
                .flatMap(from -> Arrays.stream(Payout.Stage.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyMove")
    void allowsExactlyTheListedMoves(Payout.Stage from, Payout.Stage to) {
        assertThat(PayoutTransitions.allows(from, to)).as(from + " -> " + to).isEqualTo(ALLOWED.contains(from + " -> " + to));
    }
}
