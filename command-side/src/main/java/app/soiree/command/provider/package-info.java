/**
 * What every provider adapter shares: which provider this deployment uses (simulated or Stripe), the
 * inbox that stores each provider event once and turns it into a command, the translators that do
 * so, and Stripe's settings and signed webhook. Payments, refunds, disputes and payouts plug their
 * own adapters into it; it knows none of them.
 */
@NullMarked
package app.soiree.command.provider;

import org.jspecify.annotations.NullMarked;
