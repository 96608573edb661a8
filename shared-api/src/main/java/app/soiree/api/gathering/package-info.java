/** Gatherings: lifecycle, tiers and capacity, seat holds, waitlist, check-in and reviews. Seats are decided by the gathering, which alone knows its capacity. */
@NullMarked
package app.soiree.api.gathering;

import org.jspecify.annotations.NullMarked;
