package app.soiree.command.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.dispute.DisputeStatus;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of dispute statuses, allowed or refused: the table below is the only list of allowed moves; every other pair is refused. */
class DisputeTransitionsTest {

    private static final Set<String> ALLOWED = Set.of(
            "NEEDS_RESPONSE -> UNDER_REVIEW",
            "NEEDS_RESPONSE -> ACCEPTED",
            "NEEDS_RESPONSE -> WON",
            "NEEDS_RESPONSE -> LOST",
            "UNDER_REVIEW -> WON",
            "UNDER_REVIEW -> LOST",
            "ACCEPTED -> WON",
            "ACCEPTED -> LOST");

    static Stream<Arguments> everyMove() {
        return Arrays.stream(DisputeStatus.values())
                .flatMap(from -> Arrays.stream(DisputeStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyMove")
    void allowsExactlyTheListedMoves(DisputeStatus from, DisputeStatus to) {
        assertThat(DisputeTransitions.allows(from, to)).as(from + " -> " + to).isEqualTo(ALLOWED.contains(from + " -> " + to));
    }
}
