package app.soiree.command.notification.simulated;

import app.soiree.api.notification.DeliveryOutcome;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.SkipReason;
import app.soiree.command.notification.ChannelSender;
import app.soiree.command.notification.Destinations;
import app.soiree.command.notification.OutgoingMessage;
import app.soiree.command.notification.ShortTexts;
import app.soiree.command.notification.email.EmailRendering;
import app.soiree.command.notification.twilio.TwilioProperties;

/** One channel's simulator: accepts everything a real provider would, and records it in the dev outbox. */
public class SimulatedSender implements ChannelSender {

    private final NotificationChannel channel;
    final DevOutbox outbox;
    private final EmailRendering emails;
    private final TwilioProperties templates;

    SimulatedSender(NotificationChannel channel, DevOutbox outbox, EmailRendering emails, TwilioProperties templates) {
        this.channel = channel;
        this.outbox = outbox;
        this.emails = emails;
        this.templates = templates;
    }

    @Override
    public NotificationChannel channel() {
        return channel;
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage message) {
        return switch (channel) {
            case EMAIL -> DeliveryOutcome.sent(outbox.record(channel, message.to(), message.content().title(),
                    emails.render(message.content(), message.recipientName()).text()), Destinations.maskEmail(message.to()));
            case SMS -> DeliveryOutcome.sent(outbox.record(channel, message.to(), null, ShortTexts.of(message.content())),
                    Destinations.maskPhone(message.to()));
            case WHATSAPP -> whatsApp(message);
            case IN_APP -> throw new IllegalStateException("In-app notifications are not sent by a channel sender");
        };
    }

    /** As Twilio does: free-form text inside the 24-hour window, an approved template outside it, or nothing. */
    private DeliveryOutcome whatsApp(OutgoingMessage message) {
        String body;
        if (message.whatsappWindowOpen()) {
            body = ShortTexts.of(message.content());
        } else {
            String template = templates.template(message.kind());
            if (template == null) {
                return DeliveryOutcome.skipped(SkipReason.WINDOW_CLOSED);
            }
            body = "[template " + template + "] " + ShortTexts.of(message.content());
        }
        return DeliveryOutcome.sent(outbox.record(channel, message.to(), null, body), Destinations.maskPhone(message.to()));
    }
}
