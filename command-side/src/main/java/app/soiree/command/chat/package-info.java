/**
 * Chat on the command side: the {@link Conversation} aggregate (members, settings, moderation and
 * every message, numbered by a gapless seq), the REST writes, the keys that seal message text
 * ({@link ContentKeys}) and the process that keeps a gathering's conversation in step with its
 * confirmed bookings ({@link GatheringChatMembership}).
 */
@NullMarked
package app.soiree.command.chat;

import org.jspecify.annotations.NullMarked;
