/** Disputes at Stripe: evidence submitted and losses accepted through stripe-java, and its dispute webhooks read. */
@NullMarked
package app.soiree.command.dispute.stripe;

import org.jspecify.annotations.NullMarked;
