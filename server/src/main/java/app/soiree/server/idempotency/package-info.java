/** Stripe-style idempotent writes: the same Idempotency-Key with the same request gets the first answer again. */
@NullMarked
package app.soiree.server.idempotency;

import org.jspecify.annotations.NullMarked;
