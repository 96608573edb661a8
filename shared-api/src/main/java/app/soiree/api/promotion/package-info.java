/**
 * Promotion: gatherings support features (a window in which the feed shows them), and promotions hosts pay
 * for from their wallet's available balance, refunded pro rata when the gathering is cancelled.
 */
@NullMarked
package app.soiree.api.promotion;

import org.jspecify.annotations.NullMarked;
