/**
 * Support's view of a user's notifications: what each said, whether and when it reached the inbox, and every channel's
 * delivery with its history (why a channel was skipped, what failed, who resent it); and resending one on a channel.
 */
@NullMarked
package app.soiree.console.notification;

import org.jspecify.annotations.NullMarked;
