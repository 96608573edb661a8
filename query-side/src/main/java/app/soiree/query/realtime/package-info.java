/**
 * Pushes to a user's socket: every projection that wants a client to know something at once hands
 * a {@link PushEnvelope} to {@link UserPush}, which sends it after the projection's transaction has
 * committed, so a push never announces what a read would not yet show.
 */
@NullMarked
package app.soiree.query.realtime;

import org.jspecify.annotations.NullMarked;
