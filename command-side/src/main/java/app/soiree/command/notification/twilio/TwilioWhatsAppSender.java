package app.soiree.command.notification.twilio;

import app.soiree.api.notification.DeliveryOutcome;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.SkipReason;
import app.soiree.command.notification.ChannelSender;
import app.soiree.command.notification.Destinations;
import app.soiree.command.notification.OutgoingMessage;
import app.soiree.command.notification.ShortTexts;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * WhatsApp through Twilio. Within 24 hours of the user's last message to us, free-form text; outside that window
 * WhatsApp takes only an approved template: its Content SID for the kind ({@code soiree.twilio.whatsapp-templates}),
 * with the notification's data as its variables and no body. No template for the kind: skipped, window closed.
 */
public final class TwilioWhatsAppSender implements ChannelSender {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TwilioMessages messages;
    private final TwilioProperties properties;

    TwilioWhatsAppSender(TwilioMessages messages, TwilioProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.WHATSAPP;
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage message) {
        PhoneNumber to = new PhoneNumber(whatsApp(message.to()));
        PhoneNumber from = new PhoneNumber(whatsApp(properties.whatsappFrom()));
        MessageCreator creator;
        if (message.whatsappWindowOpen()) {
            creator = Message.creator(to, from, ShortTexts.of(message.content()));
        } else {
            String template = properties.template(message.kind());
            if (template == null) {
                return DeliveryOutcome.skipped(SkipReason.WINDOW_CLOSED);
            }
            creator = Message.creator(to, from, (String) null)
                    .setContentSid(template)
                    .setContentVariables(variables(message));
        }
        creator.setStatusCallback(messages.statusCallback(message.notificationId(), NotificationChannel.WHATSAPP));
        return messages.create(creator, Destinations.maskPhone(message.to()));
    }

    /** The template's variables: the notification's data, plus its title, body and link, sorted for a stable request. */
    static String variables(OutgoingMessage message) {
        TreeMap<String, String> variables = new TreeMap<>(message.content().data());
        variables.putIfAbsent("title", message.content().title());
        variables.putIfAbsent("body", message.content().body());
        if (message.content().link() != null) {
            variables.putIfAbsent("link", message.content().link());
        }
        return JSON.writeValueAsString(variables);
    }

    static String whatsApp(String number) {
        return number.startsWith("whatsapp:") ? number : "whatsapp:" + number;
    }
}
