/**
 * Time travel: a gathering as it stood at a past instant, rebuilt from its own events in the event store, never
 * from a snapshot or a read model, for support and finance ({@code GET /api/staff/gatherings/{id}/as-of}).
 */
@NullMarked
package app.soiree.query.gathering.history;

import org.jspecify.annotations.NullMarked;
