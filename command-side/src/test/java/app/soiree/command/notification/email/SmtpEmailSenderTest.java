package app.soiree.command.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.identity.UserId;
import app.soiree.api.notification.DeliveryOutcome;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationContent;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.NotificationKind;
import app.soiree.command.notification.OutgoingMessage;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The SMTP sender against GreenMail, a real SMTP server: what arrives is what a mail reader gets. */
class SmtpEmailSenderTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String LINK = "https://soiree.test/gatherings/0b9c7c5e-5c5f-4f7e-9d35-6a9a3f1b2c01";

    private SmtpEmailSender sender(int port) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        mail.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        return new SmtpEmailSender(mail, new EmailRendering(), "Soiree <no-reply@soiree.test>");
    }

    private static OutgoingMessage message(String to, String title, String body, String language) {
        NotificationContent content = new NotificationContent(title, body, LINK, Map.of(
                "gatheringTitle", "Jazz & <Wine>",
                "startsAt", "2026-12-31T19:30:00Z",
                "timezone", "Europe/Paris",
                "venue", "Le Caveau \"Rouge\"",
                "gatheringId", "0b9c7c5e-5c5f-4f7e-9d35-6a9a3f1b2c01"), language);
        return new OutgoingMessage(NotificationId.of("trigger-1", new UserId(UUID.randomUUID()), NotificationKind.BOOKING_CONFIRMED),
                NotificationKind.BOOKING_CONFIRMED, NotificationChannel.EMAIL, 1, new UserId(UUID.randomUUID()), to, "Ana <Admin>", content, false);
    }

    @Test
    void sendsOneMultipartAlternativeMessageWithATextAndAnHtmlPartAndTheLink() throws Exception {
        DeliveryOutcome outcome = sender(greenMail.getSmtp().getPort())
                .send(message("ana@example.com", "Your booking is confirmed", "See you there.", "en"));

        assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.SENT);
        assertThat(outcome.destination()).isEqualTo("a\u2022\u2022\u2022@example.com");
        MimeMessage received = single();
        assertThat(outcome.providerMessageId()).isEqualTo(received.getMessageID());
        assertThat(received.getSubject()).isEqualTo("Your booking is confirmed");
        assertThat(received.getRecipients(Message.RecipientType.TO)[0].toString()).contains("ana@example.com");
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        String text = content(parts.getBodyPart(0), "text/plain");
        String html = content(parts.getBodyPart(1), "text/html");
        assertThat(text).contains("Hello Ana <Admin>,", "See you there.", "Gathering: Jazz & <Wine>", "Venue: Le Caveau \"Rouge\"",
                "Open in Soiree: " + LINK, "Thursday, December 31, 2026");
        assertThat(html).contains("<html lang=\"en\">", "href=\"" + LINK + "\"", "Open in Soiree", "See you there.");
    }

    @Test
    void escapesEveryValueInTheHtmlPart() throws Exception {
        sender(greenMail.getSmtp().getPort()).send(message("ben@example.com", "<script>alert(1)</script> & co", "a < b", "en"));

        String html = content(((Multipart) single().getContent()).getBodyPart(1), "text/html");
        assertThat(html).doesNotContain("<script>", "<Wine>", "<Admin>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", "a &lt; b", "Jazz &amp; &lt;Wine&gt;",
                        "Le Caveau &quot;Rouge&quot;", "Hello Ana &lt;Admin&gt;,");
    }

    @Test
    void writesInFrenchForAFrenchRecipient() throws Exception {
        sender(greenMail.getSmtp().getPort()).send(message("chloe@example.fr", "Réservation confirmée", "À bientôt.", "fr-FR"));

        MimeMessage received = single();
        assertThat(received.getSubject()).isEqualTo("Réservation confirmée");
        assertThat(received.getHeader("Content-Language")[0]).isEqualTo("fr");
        Multipart parts = (Multipart) received.getContent();
        String text = content(parts.getBodyPart(0), "text/plain");
        String html = content(parts.getBodyPart(1), "text/html");
        assertThat(text).contains("Bonjour Ana <Admin>,", "Événement: Jazz & <Wine>", "Lieu: ", "Ouvrir dans Soirée: " + LINK,
                "jeudi 31 décembre 2026", "20:30");
        assertThat(html).contains("<html lang=\"fr\">", "Ouvrir dans Soirée", "href=\"" + LINK + "\"");
    }

    @Test
    void aServerThatCannotBeReachedIsATransientFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DeliveryOutcome outcome = sender(closedPort).send(message("ana@example.com", "Hello", "Body", "en"));

        assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.FAILED);
        assertThat(outcome.permanent()).isFalse();
    }

    @Test
    void aRecipientRejectedWithA5xxIsPermanentAndA4xxIsTransient() {
        DeliveryOutcome rejected = SmtpEmailSender.outcomeOf(new MailSendException("Failed messages",
                new SendFailedException("Invalid Addresses", new MessagingException("550 5.1.1 <nobody@example.com>: User unknown"))));
        DeliveryOutcome greylisted = SmtpEmailSender.outcomeOf(new MailSendException("Failed messages",
                new SendFailedException("Invalid Addresses", new MessagingException("451 4.7.1 Greylisted, try again later"))));

        assertThat(rejected.result()).isEqualTo(DeliveryOutcome.Result.FAILED);
        assertThat(rejected.permanent()).isTrue();
        assertThat(rejected.errorCode()).isEqualTo("smtp-550");
        assertThat(greylisted.result()).isEqualTo(DeliveryOutcome.Result.FAILED);
        assertThat(greylisted.permanent()).isFalse();
        assertThat(greylisted.errorCode()).isEqualTo("smtp-451");
    }

    private static MimeMessage single() {
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static String content(BodyPart part, String type) throws MessagingException, IOException {
        assertThat(part.getContentType()).startsWith(type).contains("UTF-8");
        return (String) part.getContent();
    }
}
