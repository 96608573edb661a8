/** Bookings as guests and hosts read them. */
@NullMarked
package app.soiree.api.booking;

import org.jspecify.annotations.NullMarked;
