/** Payments as their guests and hosts see them, beside their bookings. */
@NullMarked
package app.soiree.query.payment;

import org.jspecify.annotations.NullMarked;
