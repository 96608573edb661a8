/** An entity's history for support and finance, read straight from the event store. */
@NullMarked
package app.soiree.query.audit;

import org.jspecify.annotations.NullMarked;
