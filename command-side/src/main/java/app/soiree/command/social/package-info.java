/**
 * The social graph on the command side: the {@link Relationship} of two users (follows, requests, blocks and a
 * host's ban), each user's {@link Privacy}, the REST writes, and the lookups other contexts ask before they act
 * ({@link Blocks} for direct conversations and notifications, {@link GuestBans} for bookings), written in the
 * command's own transaction by {@link SocialDirectory}.
 */
@NullMarked
package app.soiree.command.social;

import org.jspecify.annotations.NullMarked;
