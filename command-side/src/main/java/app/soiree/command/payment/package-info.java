/**
 * Paying for bookings: the payment aggregate, the booking–payment saga, and the payment provider
 * port with its Stripe and simulated adapters (the shared provider plumbing is {@code command.provider}).
 */
@NullMarked
package app.soiree.command.payment;

import org.jspecify.annotations.NullMarked;
