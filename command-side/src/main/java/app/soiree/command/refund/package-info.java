/**
 * Refunds: the saga that asks the provider for each refund a payment records and reports the outcome,
 * the refunds cancellations owe (a guest's, within the refund policy; every confirmed booking of a
 * cancelled gathering, in full), and staff's manual refunds. The provider is behind {@link RefundProvider}.
 */
@NullMarked
package app.soiree.command.refund;

import org.jspecify.annotations.NullMarked;
