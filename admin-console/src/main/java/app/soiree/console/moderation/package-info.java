/**
 * Support's moderation of chat: the queue of messages members reported, newest first, and each report's page, where
 * the reported message shows within its conversation and support deletes it or bans its sender from that
 * conversation, every action in their own name.
 */
@NullMarked
package app.soiree.console.moderation;

import org.jspecify.annotations.NullMarked;
