package app.soiree.command.notification;

import app.soiree.api.notification.NotificationChannel;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Chooses, once at start-up, which channels go to a real provider and which to their simulator: email goes over SMTP
 * when {@code spring.mail.host} is set; SMS through Twilio when {@code soiree.twilio.account-sid}, {@code auth-token}
 * and a sender ({@code sms-from} or {@code messaging-service-sid}) are set; WhatsApp through Twilio when the account and
 * {@code whatsapp-from} are. Each channel's beans carry the matching condition.
 */
public final class ChannelSelection {

    private ChannelSelection() {
    }

    public static boolean smtpConfigured(Environment environment) {
        return !environment.getProperty("spring.mail.host", "").isBlank();
    }

    /** Twilio's account is set: its webhooks exist (the auth token checks their signatures). */
    public static boolean twilioConfigured(Environment environment) {
        return !environment.getProperty("soiree.twilio.account-sid", "").isBlank()
                && !environment.getProperty("soiree.twilio.auth-token", "").isBlank();
    }

    public static boolean twilioSms(Environment environment) {
        return twilioConfigured(environment) && (!environment.getProperty("soiree.twilio.sms-from", "").isBlank()
                || !environment.getProperty("soiree.twilio.messaging-service-sid", "").isBlank());
    }

    public static boolean twilioWhatsApp(Environment environment) {
        return twilioConfigured(environment) && !environment.getProperty("soiree.twilio.whatsapp-from", "").isBlank();
    }

    /** The channels that go to their simulator in this deployment. */
    public static Set<NotificationChannel> simulated(Environment environment) {
        Set<NotificationChannel> simulated = EnumSet.noneOf(NotificationChannel.class);
        if (!smtpConfigured(environment)) {
            simulated.add(NotificationChannel.EMAIL);
        }
        if (!twilioSms(environment)) {
            simulated.add(NotificationChannel.SMS);
        }
        if (!twilioWhatsApp(environment)) {
            simulated.add(NotificationChannel.WHATSAPP);
        }
        return simulated;
    }

    /** A condition on the deployment's settings; each one below names what it asks. */
    private abstract static class OnSettings implements Condition {
        private final Predicate<Environment> test;

        OnSettings(Predicate<Environment> test) {
            this.test = test;
        }

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return test.test(context.getEnvironment());
        }
    }

    public static final class Twilio extends OnSettings {
        public Twilio() {
            super(ChannelSelection::twilioConfigured);
        }
    }

    public static final class AnySimulated extends OnSettings {
        public AnySimulated() {
            super(environment -> !simulated(environment).isEmpty());
        }
    }

    public static final class SmtpEmail extends OnSettings {
        public SmtpEmail() {
            super(ChannelSelection::smtpConfigured);
        }
    }

    public static final class SimulatedEmail extends OnSettings {
        public SimulatedEmail() {
            super(environment -> !smtpConfigured(environment));
        }
    }

    public static final class TwilioSms extends OnSettings {
        public TwilioSms() {
            super(ChannelSelection::twilioSms);
        }
    }

    public static final class SimulatedSms extends OnSettings {
        public SimulatedSms() {
            super(environment -> !twilioSms(environment));
        }
    }

    public static final class TwilioWhatsApp extends OnSettings {
        public TwilioWhatsApp() {
            super(ChannelSelection::twilioWhatsApp);
        }
    }

    public static final class SimulatedWhatsApp extends OnSettings {
        public SimulatedWhatsApp() {
            super(environment -> !twilioWhatsApp(environment));
        }
    }
}
