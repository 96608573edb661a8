/** Refunds through Stripe: the Refunds API, and refund webhooks ({@code refund.*}, {@code charge.refunded}) into commands. */
@NullMarked
package app.soiree.command.refund.stripe;

import org.jspecify.annotations.NullMarked;
