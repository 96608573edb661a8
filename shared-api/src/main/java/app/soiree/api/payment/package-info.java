/**
 * Payments for bookings: one payment per paid booking, created with the payment provider and
 * settled by the provider's events. Captured money carries its postings.
 */
@NullMarked
package app.soiree.api.payment;

import org.jspecify.annotations.NullMarked;
