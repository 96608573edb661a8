/**
 * Finance's payouts: the approval queue, kept current by the query side's subscription, and one
 * payout's page with what to weigh before deciding (wallet, history, risk hints) and the decision itself.
 */
@NullMarked
package app.soiree.console.payout;

import org.jspecify.annotations.NullMarked;
