/**
 * Promotion: support features upcoming published gatherings ({@link app.soiree.command.promotion.FeaturedGathering}),
 * hosts pay to promote theirs (the host's wallet decides the payment), and a cancelled gathering's promotions are
 * refunded pro rata ({@link app.soiree.command.promotion.PromotionRefunds}). What a gathering is (whose, published,
 * when it starts) this context learns from the gathering events into a table of its own.
 */
@NullMarked
package app.soiree.command.promotion;

import org.jspecify.annotations.NullMarked;
