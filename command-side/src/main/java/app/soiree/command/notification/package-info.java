/**
 * Notifications, command side: triggers turn events into drafts, the planner decides per channel under the recipient's
 * preferences and plans a {@link app.soiree.command.notification.Notification}, whose due deliveries the dispatcher hands
 * to the channel senders (SMTP, Twilio SMS and WhatsApp, or their simulators). Settings, phone verification and the
 * Twilio callbacks live here too.
 */
@NullMarked
package app.soiree.command.notification;

import org.jspecify.annotations.NullMarked;
