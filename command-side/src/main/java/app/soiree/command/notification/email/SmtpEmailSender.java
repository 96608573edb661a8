package app.soiree.command.notification.email;

import app.soiree.api.notification.DeliveryOutcome;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.command.notification.ChannelSender;
import app.soiree.command.notification.Destinations;
import app.soiree.command.notification.OutgoingMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Email over SMTP: one {@code multipart/alternative} message with a plain-text and an HTML part. The SMTP server taking
 * it is all anyone learns (accepted, not delivered): that is "sent", with its Message-ID. A server that rejects the
 * recipient with a 5xx answer failed permanently; a 4xx answer, a connection or sign-in problem is transient; a
 * time-out after the message went over the wire is unknown (it may have been taken).
 */
public final class SmtpEmailSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(SmtpEmailSender.class);
    private static final Pattern SMTP_REPLY = Pattern.compile("^\\s*([245])(\\d\\d)\\b");

    private final JavaMailSender mail;
    private final EmailRendering rendering;
    private final InternetAddress from;

    SmtpEmailSender(JavaMailSender mail, EmailRendering rendering, String from) {
        this.mail = mail;
        this.rendering = rendering;
        try {
            this.from = new InternetAddress(from, true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("soiree.mail.from is not an email address: " + from, e);
        }
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.EMAIL;
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage message) {
        EmailRendering.RenderedEmail email = rendering.render(message.content(), message.recipientName());
        MimeMessage mime = mail.createMimeMessage();
        try {
            mime.setFrom(from);
            mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(message.to(), message.recipientName(),
                    StandardCharsets.UTF_8.name()));
            mime.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            mime.setHeader("Content-Language", email.language());
            mime.setHeader("X-Soiree-Notification", message.notificationId().toString());
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(text); // the last part is the richest: mail readers that can show HTML pick it
            alternative.addBodyPart(html);
            mime.setContent(alternative);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return DeliveryOutcome.permanentFailure("invalid-message", "The email could not be composed: " + e.getMessage());
        }
        try {
            mail.send(mime);
            return DeliveryOutcome.sent(messageId(mime), Destinations.maskEmail(message.to()));
        } catch (MailException e) {
            return outcomeOf(e);
        }
    }

    static DeliveryOutcome outcomeOf(MailException e) {
        if (e instanceof MailAuthenticationException) {
            return DeliveryOutcome.transientFailure("smtp-auth", "The SMTP server refused our sign-in: " + e.getMessage());
        }
        Integer reply = replyOf(e);
        boolean timedOut = timedOut(e);
        if (e instanceof MailSendException send) {
            for (Exception failed : send.getFailedMessages().values()) {
                reply = reply != null ? reply : replyOf(failed);
                timedOut |= timedOut(failed);
            }
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (reply != null && reply >= 500) {
            return DeliveryOutcome.permanentFailure("smtp-" + reply, detail);
        }
        if (reply != null) {
            return DeliveryOutcome.transientFailure("smtp-" + reply, detail);
        }
        if (timedOut) {
            log.warn("The SMTP server did not answer in time; the email may or may not have been taken: {}", detail);
            return DeliveryOutcome.unknown("The SMTP server did not answer in time: " + detail);
        }
        return DeliveryOutcome.transientFailure("smtp-unavailable", detail);
    }

    private static boolean timedOut(Throwable failed) {
        for (Throwable cause = failed; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The SMTP server's reply code (4xx, 5xx) that a failure carries in its own or a nested exception's message. */
    private static @Nullable Integer replyOf(Throwable failed) {
        for (Throwable cause = failed; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                Matcher matcher = SMTP_REPLY.matcher(cause.getMessage());
                if (matcher.find() && !matcher.group(1).equals("2")) {
                    return Integer.parseInt(matcher.group(1) + matcher.group(2));
                }
            }
        }
        return null;
    }

    private static @Nullable String messageId(MimeMessage mime) {
        try {
            return mime.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }
}
