/**
 * The messages every side of Soiree shares: commands, events, queries and their results, value
 * types and error codes. Plain records only; nothing here knows about Spring, HTTP or storage.
 */
@NullMarked
package app.soiree.api;

import org.jspecify.annotations.NullMarked;
