/** The Stripe adapter: PaymentIntents through stripe-java, and Stripe's signed webhooks into the provider inbox. */
@NullMarked
package app.soiree.command.payment.stripe;

import org.jspecify.annotations.NullMarked;
