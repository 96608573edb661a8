/**
 * Payouts through Stripe Connect: Express accounts with onboarding links, transfers to them, and the
 * Connect and transfer webhooks.
 */
@NullMarked
package app.soiree.command.payout.stripe;

import org.jspecify.annotations.NullMarked;
