/**
 * The simulated email, SMS and WhatsApp senders of a deployment without SMTP or Twilio (the embedded default): they
 * record what they would have sent to the dev outbox ({@code GET /api/dev/outbox}) and behave like the real ones
 * otherwise (the WhatsApp window and its templates).
 */
@NullMarked
package app.soiree.command.notification.simulated;

import org.jspecify.annotations.NullMarked;
