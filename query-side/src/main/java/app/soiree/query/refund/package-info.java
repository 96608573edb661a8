/** Refunds as staff follow them, and the refund progress of cancelled gatherings. */
@NullMarked
package app.soiree.query.refund;

import org.jspecify.annotations.NullMarked;
