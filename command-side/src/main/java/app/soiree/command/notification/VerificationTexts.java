package app.soiree.command.notification;

import app.soiree.api.notification.DeliveryOutcome;

/**
 * Sends a phone verification code by SMS at once: not a notification (no preferences, quiet hours or opt-out apply; the
 * number is not verified yet). Implemented by the SMS channel's sender, Twilio's or the simulator.
 */
public interface VerificationTexts {

    /** @param phone an E.164 number; answers as a channel sender does, never throwing for what the provider said */
    DeliveryOutcome sendVerificationText(String phone, String text);
}
