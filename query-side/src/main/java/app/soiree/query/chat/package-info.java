/**
 * Chat as members read it: conversations with their members, settings and unread counts, messages
 * with their reactions, and each conversation's change log by seq, which a client that reconnects
 * reads from where it stopped. Pushes every change to the members' sockets after it is stored; takes
 * the two socket inputs (typing, read markers); and keeps the console's moderation queue.
 */
@NullMarked
package app.soiree.query.chat;

import org.jspecify.annotations.NullMarked;
