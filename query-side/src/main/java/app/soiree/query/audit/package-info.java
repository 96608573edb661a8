/**
 * History for support and finance, read straight from the event store: an aggregate's trail, and the causal timeline
 * of a booking, host, payout, user, gathering or payment across aggregates (indexed by {@code TimelineIndex}).
 */
@NullMarked
package app.soiree.query.audit;

import org.jspecify.annotations.NullMarked;
