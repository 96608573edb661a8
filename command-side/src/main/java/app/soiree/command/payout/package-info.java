/**
 * Payouts: the host's wallet reserves what a payout takes from the available balance, the payout waits
 * for the approvals its size needs, and a saga sends it to the host's connected account at the provider
 * and returns the funds when the payout is rejected, refused or reversed.
 */
@NullMarked
package app.soiree.command.payout;

import org.jspecify.annotations.NullMarked;
