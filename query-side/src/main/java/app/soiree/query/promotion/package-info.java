/**
 * Featured and promoted gatherings as the feed joins them ({@code featured_gatherings}, {@code gathering_promotions}),
 * support's list of features, and a host's promotions.
 */
@NullMarked
package app.soiree.query.promotion;

import org.jspecify.annotations.NullMarked;
