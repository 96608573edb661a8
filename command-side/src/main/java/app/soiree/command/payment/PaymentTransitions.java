package app.soiree.command.payment;

import app.soiree.api.payment.PaymentStatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Every move a {@link Payment}'s status may make, in one table. A payment is created REQUESTED. A capture is final;
 * a success reported after a decline is still captured (the guest retried, and the money is real). A report that
 * asks for a move this table refuses changes nothing: provider reports come in any order and any number of times.
 */
final class PaymentTransitions {

    private static final Map<PaymentStatus, Set<PaymentStatus>> ALLOWED = new EnumMap<>(Map.of(
            PaymentStatus.REQUESTED, Set.of(PaymentStatus.AWAITING_PAYMENT, PaymentStatus.OUTCOME_UNKNOWN, PaymentStatus.CAPTURED,
                    PaymentStatus.DECLINED),
            PaymentStatus.AWAITING_PAYMENT, Set.of(PaymentStatus.OUTCOME_UNKNOWN, PaymentStatus.CAPTURED, PaymentStatus.DECLINED),
            PaymentStatus.OUTCOME_UNKNOWN, Set.of(PaymentStatus.AWAITING_PAYMENT, PaymentStatus.CAPTURED, PaymentStatus.DECLINED),
            PaymentStatus.DECLINED, Set.of(PaymentStatus.CAPTURED),
            PaymentStatus.CAPTURED, Set.of()));

    private PaymentTransitions() {
    }

    static boolean allows(PaymentStatus from, PaymentStatus to) {
        return ALLOWED.get(from).contains(to);
    }
}
