/**
 * Disputes as support reads them (a queue by evidence due date, one dispute in full with its evidence and timeline)
 * and as hosts read theirs; subscription queries are updated whenever a dispute opens or changes.
 */
@NullMarked
package app.soiree.query.dispute;

import org.jspecify.annotations.NullMarked;
