/**
 * The read side: projections of the event stream into tables shaped for reading, the query handlers
 * that answer from them, and the REST and WebSocket endpoints clients read through. Active only in
 * processes whose {@code soiree.roles} include {@code query}.
 */
@NullMarked
package app.soiree.query;

import org.jspecify.annotations.NullMarked;
