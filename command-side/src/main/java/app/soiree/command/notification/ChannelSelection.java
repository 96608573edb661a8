package app.soiree.command.notification;

import app.soiree.api.notification.NotificationChannel;
import java.util.EnumSet;
import java.util.Set;
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

    public static final class Twilio implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return twilioConfigured(context.getEnvironment());
        }
    }

    public static final class AnySimulated implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !simulated(context.getEnvironment()).isEmpty();
        }
    }

    public static final class SmtpEmail implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return smtpConfigured(context.getEnvironment());
        }
    }

    public static final class SimulatedEmail implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !smtpConfigured(context.getEnvironment());
        }
    }

    public static final class TwilioSms implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return twilioSms(context.getEnvironment());
        }
    }

    public static final class SimulatedSms implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !twilioSms(context.getEnvironment());
        }
    }

    public static final class TwilioWhatsApp implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return twilioWhatsApp(context.getEnvironment());
        }
    }

    public static final class SimulatedWhatsApp implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !twilioWhatsApp(context.getEnvironment());
        }
    }
}
