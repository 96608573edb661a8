package app.soiree.command.notification.twilio;

import app.soiree.api.notification.DeliveryOutcome;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.command.notification.ChannelSender;
import app.soiree.command.notification.Destinations;
import app.soiree.command.notification.OutgoingMessage;
import app.soiree.command.notification.ShortTexts;
import app.soiree.command.notification.VerificationTexts;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

/** SMS through Twilio, from {@code soiree.twilio.sms-from} or through {@code messaging-service-sid}. */
public final class TwilioSmsSender implements ChannelSender, VerificationTexts {

    private final TwilioMessages messages;
    private final TwilioProperties properties;

    TwilioSmsSender(TwilioMessages messages, TwilioProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.SMS;
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage message) {
        MessageCreator creator = creator(message.to(), ShortTexts.of(message.content()))
                .setStatusCallback(messages.statusCallback(message.notificationId(), NotificationChannel.SMS));
        return messages.create(creator, Destinations.maskPhone(message.to()));
    }

    @Override
    public DeliveryOutcome sendVerificationText(String phone, String text) {
        return messages.create(creator(phone, text), Destinations.maskPhone(phone));
    }

    private MessageCreator creator(String to, String text) {
        return TwilioProperties.set(properties.smsFrom())
                ? Message.creator(new PhoneNumber(to), new PhoneNumber(properties.smsFrom()), text)
                : Message.creator(new PhoneNumber(to), properties.messagingServiceSid(), text);
    }
}
