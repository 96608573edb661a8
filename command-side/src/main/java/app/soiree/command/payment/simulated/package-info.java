/**
 * The simulated payment provider, the embedded default when no Stripe key is configured: no money
 * moves, and outcomes are chosen through a development endpoint. It keeps what Stripe would keep
 * (one intent per payment) and reports outcomes as provider events through the same inbox.
 */
@NullMarked
package app.soiree.command.payment.simulated;

import org.jspecify.annotations.NullMarked;
