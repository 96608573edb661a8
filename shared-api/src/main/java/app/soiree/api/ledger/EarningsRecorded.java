package app.soiree.api.ledger;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.PaymentId;
import java.time.Instant;

/**
 * A captured payment's net counts towards the gathering's earnings. Moves no money: the capture
 * itself already posted it to {@code host:{id}:pending}.
 */
public record EarningsRecorded(EarningsId earningsId, GatheringId gatheringId, UserId hostId, PaymentId paymentId, Money net,
                               Instant recordedAt) {
}
