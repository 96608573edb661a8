/**
 * Reports of users and gatherings to support, and the one moderation queue that lists them beside the chat messages
 * members reported ({@code chat}'s {@code MessageReported}): commands, events, the queue's queries and results.
 */
@NullMarked
package app.soiree.api.report;

import org.jspecify.annotations.NullMarked;
