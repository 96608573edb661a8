/** An entity's history as its events, for support and finance: the audit trail. */
@NullMarked
package app.soiree.api.audit;

import org.jspecify.annotations.NullMarked;
