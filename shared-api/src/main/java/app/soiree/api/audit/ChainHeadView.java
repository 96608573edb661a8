package app.soiree.api.audit;

import java.time.LocalDate;

/**
 * The last link of the hash chain among the events of one day (UTC, by the events' time): an outside
 * party that keeps {@code linkHash} can later prove that nothing chained before it was rewritten.
 * {@code chainLength} is the number of links up to and including it; {@code position} the event's
 * position in the stream.
 */
public record ChainHeadView(LocalDate day, long chainLength, long position, String eventId, String linkHash) {
}
