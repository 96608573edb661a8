/**
 * Support's one moderation queue: reports of users and gatherings (projected here) beside the chat's message reports
 * (read from {@code chat}), newest first and paged by one cursor, with who and what was reported as they are now.
 */
@NullMarked
package app.soiree.query.report;

import org.jspecify.annotations.NullMarked;
