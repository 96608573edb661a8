/**
 * The simulated payout provider: connected accounts enabled at once, transfers that succeed unless a
 * development setting says otherwise, and reversals reported through the same inbox as Stripe's webhooks.
 */
@NullMarked
package app.soiree.command.payout.simulated;

import org.jspecify.annotations.NullMarked;
