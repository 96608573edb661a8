package app.soiree.command.notification.simulated;

import app.soiree.api.notification.NotificationChannel;
import app.soiree.command.notification.ChannelSelection;
import app.soiree.command.notification.email.EmailRendering;
import app.soiree.command.notification.twilio.TwilioProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** A simulator for each channel without its provider's settings, each saying so at start-up. */
@Configuration(proxyBeanMethods = false)
@Conditional(ChannelSelection.AnySimulated.class)
class SimulatedChannels {

    private static final Logger log = LoggerFactory.getLogger(SimulatedChannels.class);

    @Bean
    DevOutbox devOutbox(JdbcTemplate jdbc, Clock clock) {
        return new DevOutbox(jdbc, clock);
    }

    @Bean
    @Conditional(ChannelSelection.SimulatedEmail.class)
    SimulatedSender simulatedEmailSender(DevOutbox outbox, EmailRendering emails, TwilioProperties templates) {
        log.warn("Email uses the SIMULATED sender: nothing leaves the server; messages are listed by GET /api/dev/outbox. "
                + "Set spring.mail.host (and spring.mail.*) to send over SMTP.");
        return new SimulatedSender(NotificationChannel.EMAIL, outbox, emails, templates);
    }

    @Bean
    @Conditional(ChannelSelection.SimulatedSms.class)
    SimulatedSmsSender simulatedSmsSender(DevOutbox outbox, EmailRendering emails, TwilioProperties templates) {
        log.warn("SMS use the SIMULATED sender: nothing leaves the server; texts (phone verification codes too) are listed by "
                + "GET /api/dev/outbox. Set soiree.twilio.account-sid, auth-token and sms-from to send through Twilio.");
        return new SimulatedSmsSender(outbox, emails, templates);
    }

    @Bean
    @Conditional(ChannelSelection.SimulatedWhatsApp.class)
    SimulatedSender simulatedWhatsAppSender(DevOutbox outbox, EmailRendering emails, TwilioProperties templates) {
        log.warn("WhatsApp uses the SIMULATED sender: nothing leaves the server; messages are listed by GET /api/dev/outbox. "
                + "Set soiree.twilio.account-sid, auth-token and whatsapp-from to send through Twilio.");
        return new SimulatedSender(NotificationChannel.WHATSAPP, outbox, emails, templates);
    }
}
