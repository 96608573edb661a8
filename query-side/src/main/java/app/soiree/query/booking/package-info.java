/** Bookings as their guests and the gatherings' hosts read them. */
@NullMarked
package app.soiree.query.booking;

import org.jspecify.annotations.NullMarked;
