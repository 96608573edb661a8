package app.soiree.command.notification.twilio;

import app.soiree.command.notification.ChannelSelection;
import app.soiree.command.notification.NotificationsProperties;
import com.twilio.http.TwilioRestClient;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The Twilio client and the SMS and WhatsApp senders when {@code soiree.twilio.*} names an account and a sender. */
@Configuration(proxyBeanMethods = false)
@Conditional(ChannelSelection.Twilio.class)
class TwilioConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TwilioConfiguration.class);

    /** One client, the account's credentials, built here rather than through the SDK's static {@code Twilio.init}. */
    @Bean
    TwilioRestClient twilioRestClient(TwilioProperties properties) {
        String accountSid = Objects.requireNonNull(properties.accountSid(), "soiree.twilio.account-sid");
        String authToken = Objects.requireNonNull(properties.authToken(), "soiree.twilio.auth-token");
        return new TwilioRestClient.Builder(accountSid, authToken)
                .accountSid(accountSid)
                .httpClient(new TwilioHttpClient(properties.apiBaseUrl(), properties.readTimeout()))
                .build();
    }

    @Bean
    TwilioMessages twilioMessages(TwilioRestClient client, NotificationsProperties notifications) {
        return new TwilioMessages(client, notifications);
    }

    @Bean
    @Conditional(ChannelSelection.TwilioSms.class)
    TwilioSmsSender twilioSmsSender(TwilioMessages messages, TwilioProperties properties, NotificationsProperties notifications) {
        log.info("SMS go through Twilio ({}); status callbacks at {}", TwilioProperties.set(properties.smsFrom())
                ? "from " + properties.smsFrom() : "messaging service " + properties.messagingServiceSid(),
                notifications.link(TwilioWebhookController.STATUS_PATH));
        return new TwilioSmsSender(messages, properties);
    }

    @Bean
    @Conditional(ChannelSelection.TwilioWhatsApp.class)
    TwilioWhatsAppSender twilioWhatsAppSender(TwilioMessages messages, TwilioProperties properties) {
        log.info("WhatsApp messages go through Twilio from {}; {} approved template(s) for outside the 24-hour window",
                properties.whatsappFrom(), properties.whatsappTemplates().size());
        return new TwilioWhatsAppSender(messages, properties);
    }
}
