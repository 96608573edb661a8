/**
 * Paying for bookings: the payment aggregate, the booking–payment saga, the provider port with its
 * Stripe and simulated adapters, and the inbox that turns provider events into commands exactly once.
 */
@NullMarked
package app.soiree.command.payment;

import org.jspecify.annotations.NullMarked;
