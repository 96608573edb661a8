/**
 * Notifications as their recipients and support read them: the in-app inbox (only what has reached it, never what was
 * withdrawn) with its unread count, pushed live on the recipient's socket; each delivery's status and history per
 * channel for support; and each user's notification settings, the phone number masked.
 */
@NullMarked
package app.soiree.query.notification;

import org.jspecify.annotations.NullMarked;
