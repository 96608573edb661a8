/**
 * Disputes (chargebacks): the provider withdraws a payment's disputed amount, support collects and
 * submits evidence or accepts the loss, and the provider's outcome gives the money back or makes it a
 * loss. The money side lives on the payment ({@link app.soiree.api.dispute.PaymentDisputed},
 * {@link app.soiree.api.dispute.DisputeWon}, {@link app.soiree.api.dispute.DisputeLost}); the work
 * support does lives on the dispute itself.
 */
@NullMarked
package app.soiree.api.dispute;

import org.jspecify.annotations.NullMarked;
