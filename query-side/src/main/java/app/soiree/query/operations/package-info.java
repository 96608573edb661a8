/**
 * No poison pill: what a projection cannot apply is parked per aggregate (Axon's dead-letter queue),
 * a batch that fails runs again with each event's projection work isolated in a savepoint so that one
 * failure undoes only itself, and staff list, retry and drop what is parked.
 */
@NullMarked
package app.soiree.query.operations;

import org.jspecify.annotations.NullMarked;
