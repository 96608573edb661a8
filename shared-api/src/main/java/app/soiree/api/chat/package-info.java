/**
 * Chat: direct, gathering and group conversations. A conversation numbers every change its members
 * can see with a gapless {@code seq} ({@link ConversationChange}), so a client that reconnects
 * fetches exactly what it missed. Message content travels sealed ({@link SealedText}) with a key kept
 * outside the stream, so deleting a message makes its text unreadable in the stored events too.
 */
@NullMarked
package app.soiree.api.chat;

import org.jspecify.annotations.NullMarked;
