/**
 * Payouts and payout accounts as hosts and finance read them, with live updates for the finance queue
 * through subscription queries.
 */
@NullMarked
package app.soiree.query.payout;

import org.jspecify.annotations.NullMarked;
