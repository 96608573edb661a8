/**
 * Gatherings as guests discover them and hosts manage them: details, tiers with the seats still
 * available, attendee lists and reviews with their ratings.
 */
@NullMarked
package app.soiree.query.gathering;

import org.jspecify.annotations.NullMarked;
