/**
 * SMS and WhatsApp through Twilio's REST API with the official SDK (never retrying a send on its own), and Twilio's
 * status and inbound callbacks, their signatures checked against the public URL.
 */
@NullMarked
package app.soiree.command.notification.twilio;

import org.jspecify.annotations.NullMarked;
