/**
 * Refunds of captured payments: asked of the provider by the platform (a cancellation, a host's or
 * staff member's decision), confirmed or failed by the provider's events. A refund is a movement on
 * its payment; the postings come with the provider's confirmation ({@link app.soiree.api.refund.PaymentRefunded}).
 */
@NullMarked
package app.soiree.api.refund;

import org.jspecify.annotations.NullMarked;
