/**
 * Support's moderation: the one queue of what members reported (users, gatherings and chat messages), newest first, and
 * each report's page. A reported message shows within its conversation, and support deletes it or bans its sender from
 * that conversation; a user or gathering report is dismissed or resolved with a note. Every action is in the staff
 * member's own name.
 */
@NullMarked
package app.soiree.console.moderation;

import org.jspecify.annotations.NullMarked;
