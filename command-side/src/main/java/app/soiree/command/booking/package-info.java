/** Booking endpoints: they turn a booking request into seats held on its gathering. */
@NullMarked
package app.soiree.command.booking;

import org.jspecify.annotations.NullMarked;
