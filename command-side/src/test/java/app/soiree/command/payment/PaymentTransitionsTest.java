package app.soiree.command.payment;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.payment.PaymentStatus;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of payment statuses, allowed or refused: the table below is the only list of allowed moves; every other pair is refused. */
class PaymentTransitionsTest {

    private static final Set<String> ALLOWED = Set.of(
            "REQUESTED -> AWAITING_PAYMENT",
            "REQUESTED -> OUTCOME_UNKNOWN",
            "REQUESTED -> CAPTURED",
            "REQUESTED -> DECLINED",
            "AWAITING_PAYMENT -> OUTCOME_UNKNOWN",
            "AWAITING_PAYMENT -> CAPTURED",
            "AWAITING_PAYMENT -> DECLINED",
            "OUTCOME_UNKNOWN -> AWAITING_PAYMENT",
            "OUTCOME_UNKNOWN -> CAPTURED",
            "OUTCOME_UNKNOWN -> DECLINED",
            "DECLINED -> CAPTURED");

    static Stream<Arguments> everyMove() {
        return Arrays.stream(PaymentStatus.values())
                .flatMap(from -> Arrays.stream(PaymentStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyMove")
    void allowsExactlyTheListedMoves(PaymentStatus from, PaymentStatus to) {
        assertThat(PaymentTransitions.allows(from, to)).as(from + " -> " + to).isEqualTo(ALLOWED.contains(from + " -> " + to));
    }
}
