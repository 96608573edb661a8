/**
 * Notifications: one per (triggering event, recipient, kind), delivered in-app, by email, SMS and WhatsApp as the
 * recipient's preferences, quiet hours and consent allow. Every decision (sent, skipped and why, delivered, failed) is
 * an event, so the stream is the audit of what the platform told whom.
 */
@NullMarked
package app.soiree.api.notification;

import org.jspecify.annotations.NullMarked;
