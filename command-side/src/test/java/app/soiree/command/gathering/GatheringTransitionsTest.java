package app.soiree.command.gathering;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.gathering.GatheringStatus;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of gathering statuses, allowed or refused: the table below is the only list of allowed moves; every other pair is refused. */
class GatheringTransitionsTest {

    private static final Set<String> ALLOWED = Set.of(
            "DRAFT -> PUBLISHED",
            "DRAFT -> CANCELLED",
            "PUBLISHED -> CANCELLED",
            "PUBLISHED -> ENDED");

    static Stream<Arguments> everyMove() {
        return Arrays.stream(GatheringStatus.values())
                .flatMap(from -> Arrays.stream(GatheringStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyMove")
    void allowsExactlyTheListedMoves(GatheringStatus from, GatheringStatus to) {
        assertThat(GatheringTransitions.allows(from, to)).as(from + " -> " + to).isEqualTo(ALLOWED.contains(from + " -> " + to));
    }

    @ParameterizedTest
    @MethodSource("everyStatus")
    void aGatheringWithNoMoveLeftIsFinal(GatheringStatus status) {
        boolean over = status == GatheringStatus.CANCELLED || status == GatheringStatus.ENDED;
        assertThat(GatheringTransitions.isFinal(status)).as(status.name()).isEqualTo(over);
    }

    static Stream<GatheringStatus> everyStatus() {
        return Arrays.stream(GatheringStatus.values());
    }
}
