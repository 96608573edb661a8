package app.soiree.command.notification.simulated;

import app.soiree.api.notification.DeliveryOutcome;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.command.notification.Destinations;
import app.soiree.command.notification.VerificationTexts;
import app.soiree.command.notification.email.EmailRendering;
import app.soiree.command.notification.twilio.TwilioProperties;

/** The simulated SMS channel, which also "sends" phone verification codes: read them back from the dev outbox. */
public final class SimulatedSmsSender extends SimulatedSender implements VerificationTexts {

    SimulatedSmsSender(DevOutbox outbox, EmailRendering emails, TwilioProperties templates) {
        super(NotificationChannel.SMS, outbox, emails, templates);
    }

    @Override
    public DeliveryOutcome sendVerificationText(String phone, String text) {
        return DeliveryOutcome.sent(outbox.record(NotificationChannel.SMS, phone, null, text), Destinations.maskPhone(phone));
    }
}
