package app.soiree.command.notification.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.identity.UserId;
import app.soiree.api.notification.DeliveryOutcome;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationContent;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.NotificationKind;
import app.soiree.api.notification.SkipReason;
import app.soiree.command.notification.NotificationsProperties;
import app.soiree.command.notification.OutgoingMessage;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.twilio.http.TwilioRestClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SMS and WhatsApp senders through the real Twilio SDK, against WireMock answering as Twilio's REST API does: the
 * request the SDK makes, and what each answer becomes. Nothing is ever sent twice.
 */
class TwilioSendersTest {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    private static final String AUTH_TOKEN = "standin-auth-token";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    private static final String PUBLIC_BASE = "https://soiree.example";
    private static final String TO = "+33612345678";
    private static final String TEMPLATE_SID = "HX00000000000000000000000000000001";

    private static WireMockServer twilio;

    private final UserId recipient = new UserId(UUID.randomUUID());
    private final NotificationId notificationId = NotificationId.of("trigger-" + UUID.randomUUID(), recipient, NotificationKind.BOOKING_CONFIRMED);

    @BeforeAll
    static void start() {
        twilio = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        twilio.start();
    }

    @AfterAll
    static void stop() {
        twilio.stop();
    }

    @BeforeEach
    void reset() {
        twilio.resetAll();
    }

    private static TwilioProperties properties(String apiBase) {
        return new TwilioProperties(ACCOUNT_SID, AUTH_TOKEN, "+15005550006", null, "+14155238886",
                Map.of(NotificationKind.BOOKING_CONFIRMED, TEMPLATE_SID), apiBase, Duration.ofSeconds(10)); // generous: a busy machine is slow
    }

    private static TwilioMessages messages(TwilioProperties properties) {
        TwilioRestClient client = new TwilioRestClient.Builder(ACCOUNT_SID, AUTH_TOKEN).accountSid(ACCOUNT_SID)
                .httpClient(new TwilioHttpClient(properties.apiBaseUrl(), properties.readTimeout())).build();
        return new TwilioMessages(client, new NotificationsProperties(URI.create(PUBLIC_BASE), null, null, null, null, null, null, null, null, null, null));
    }

    private static TwilioSmsSender sms() {
        TwilioProperties properties = properties("http://127.0.0.1:" + twilio.port());
        return new TwilioSmsSender(messages(properties), properties);
    }

    private static TwilioWhatsAppSender whatsApp() {
        TwilioProperties properties = properties("http://127.0.0.1:" + twilio.port());
        return new TwilioWhatsAppSender(messages(properties), properties);
    }

    private OutgoingMessage message(NotificationChannel channel, NotificationKind kind, boolean windowOpen) {
        NotificationContent content = new NotificationContent("Booking confirmed", "Jazz night, 31 Dec at 19:30",
                PUBLIC_BASE + "/gatherings/42", Map.of("gatheringTitle", "Jazz night", "startsAt", "2026-12-31T19:30:00Z"), "en");
        return new OutgoingMessage(notificationId, kind, channel, 1, recipient, TO, "Ana", content, windowOpen);
    }

    private static void answer(int status, String json) {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(json)));
    }

    private static void accept() {
        answer(201, """
                {"sid": "SM0123456789abcdef0123456789abcdef", "account_sid": "%s", "status": "queued",
                 "to": "+33612345678", "from": "+15005550006", "body": "Booking confirmed", "num_segments": "1",
                 "direction": "outbound-api", "api_version": "2010-04-01", "date_created": "Tue, 01 Dec 2026 10:00:00 +0000",
                 "uri": "/2010-04-01/Accounts/%s/Messages/SM0123456789abcdef0123456789abcdef.json"}
                """.formatted(ACCOUNT_SID, ACCOUNT_SID));
    }

    private static void refuse(int status, int code, String message) {
        answer(status, """
                {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}
                """.formatted(code, message, code, status));
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = twilio.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)));
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] nameValue = pair.split("=", 2);
            fields.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    nameValue.length < 2 ? "" : URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Test
    void anSmsIsCreatedAtTheAccountsMessagesWithItsStatusCallback() {
        accept();

        DeliveryOutcome outcome = sms().send(message(NotificationChannel.SMS, NotificationKind.BOOKING_CONFIRMED, false));

        assertThat(outcome).isEqualTo(DeliveryOutcome.sent("SM0123456789abcdef0123456789abcdef", "+33\u2022\u2022\u2022\u2022\u2022\u202278"));
        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(form(request)).containsEntry("To", TO).containsEntry("From", "+15005550006")
                .containsEntry("Body", "Booking confirmed\nJazz night, 31 Dec at 19:30\n" + PUBLIC_BASE + "/gatherings/42")
                .containsEntry("StatusCallback", PUBLIC_BASE + "/api/webhooks/twilio/status?notificationId=" + notificationId + "&channel=SMS");
    }

    @Test
    void aVerificationTextGoesWithoutAStatusCallback() {
        accept();

        DeliveryOutcome outcome = sms().sendVerificationText(TO, "Your code is 123456");

        assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.SENT);
        twilio.verify(postRequestedFor(urlPathEqualTo(MESSAGES)).withFormParam("Body", equalTo("Your code is 123456"))
                .withFormParam("To", equalTo(TO)).withFormParam("StatusCallback", absent()));
    }

    @Test
    void inTheWindowAWhatsAppMessageIsFreeFormText() {
        accept();

        DeliveryOutcome outcome = whatsApp().send(message(NotificationChannel.WHATSAPP, NotificationKind.GATHERING_REMINDER, true));

        assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.SENT);
        Map<String, String> form = form(onlyRequest());
        assertThat(form).containsEntry("To", "whatsapp:" + TO).containsEntry("From", "whatsapp:+14155238886")
                .containsEntry("StatusCallback", PUBLIC_BASE + "/api/webhooks/twilio/status?notificationId=" + notificationId + "&channel=WHATSAPP")
                .doesNotContainKey("ContentSid");
        assertThat(form.get("Body")).startsWith("Booking confirmed\n");
    }

    @Test
    void outsideTheWindowAWhatsAppMessageIsTheApprovedTemplateWithoutABody() {
        accept();

        whatsApp().send(message(NotificationChannel.WHATSAPP, NotificationKind.BOOKING_CONFIRMED, false));

        twilio.verify(postRequestedFor(urlPathEqualTo(MESSAGES))
                .withFormParam("To", equalTo("whatsapp:" + TO))
                .withFormParam("ContentSid", equalTo(TEMPLATE_SID))
                .withFormParam("ContentVariables", equalToJson("""
                        {"gatheringTitle": "Jazz night", "startsAt": "2026-12-31T19:30:00Z", "title": "Booking confirmed",
                         "body": "Jazz night, 31 Dec at 19:30", "link": "https://soiree.example/gatherings/42"}"""))
                .withFormParam("Body", absent()));
    }

    @Test
    void outsideTheWindowWithoutATemplateNothingIsSentAndTheWindowIsTheReason() {
        accept();

        DeliveryOutcome outcome = whatsApp().send(message(NotificationChannel.WHATSAPP, NotificationKind.NEW_FOLLOWER, false));

        assertThat(outcome).isEqualTo(DeliveryOutcome.skipped(SkipReason.WINDOW_CLOSED));
        assertThat(twilio.getAllServeEvents()).isEmpty();
    }

    @Test
    void aNumberThatAnsweredStopIsSkippedAsOptedOutAndNeverRetried() {
        refuse(400, 21610, "Attempt to send to unsubscribed recipient");

        DeliveryOutcome outcome = sms().send(message(NotificationChannel.SMS, NotificationKind.BOOKING_CONFIRMED, false));

        assertThat(outcome).isEqualTo(DeliveryOutcome.skipped(SkipReason.OPTED_OUT));
        assertThat(outcome.permanent()).isTrue();
        onlyRequest();
    }

    @Test
    void freeFormTextOutsideTheWindowAndInvalidNumbersArePermanentFailures() {
        refuse(400, 63016, "Failed to send freeform message because you are outside the allowed window");
        DeliveryOutcome outside = whatsApp().send(message(NotificationChannel.WHATSAPP, NotificationKind.BOOKING_CONFIRMED, true));
        assertThat(outside.result()).isEqualTo(DeliveryOutcome.Result.FAILED);
        assertThat(outside.permanent()).isTrue();
        assertThat(outside.errorCode()).isEqualTo("63016");

        for (int code : new int[] {21211, 21614}) {
            twilio.resetAll();
            refuse(400, code, "The 'To' number is not a valid phone number.");
            DeliveryOutcome invalid = sms().send(message(NotificationChannel.SMS, NotificationKind.BOOKING_CONFIRMED, false));
            assertThat(invalid.result()).isEqualTo(DeliveryOutcome.Result.FAILED);
            assertThat(invalid.permanent()).isTrue();
            assertThat(invalid.errorCode()).isEqualTo(Integer.toString(code));
            onlyRequest();
        }
    }

    @Test
    void tooManyRequestsAndServiceUnavailableAreTransientAndAskedOnce() {
        for (int[] answer : new int[][] {{429, 20429}, {503, 20503}}) {
            twilio.resetAll();
            refuse(answer[0], answer[1], "Try again later");
            DeliveryOutcome outcome = sms().send(message(NotificationChannel.SMS, NotificationKind.BOOKING_CONFIRMED, false));
            assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.FAILED);
            assertThat(outcome.permanent()).isFalse();
            onlyRequest(); // the SDK would have sent a 503 three times
        }
    }

    @Test
    void aServerErrorIsAnsweredOnceAndItsOutcomeIsUnknown() {
        refuse(500, 20500, "Internal Server Error");

        DeliveryOutcome outcome = sms().send(message(NotificationChannel.SMS, NotificationKind.BOOKING_CONFIRMED, false));

        assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.UNKNOWN);
        onlyRequest();
    }

    @Test
    void aServerErrorThatIsNotTwiliosJsonIsUnknownToo() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));

        DeliveryOutcome outcome = sms().send(message(NotificationChannel.SMS, NotificationKind.BOOKING_CONFIRMED, false));

        assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.UNKNOWN);
        onlyRequest();
    }

    @Test
    void anAnswerLaterThanTheReadTimeoutIsUnknownAndNotAskedAgain() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201).withFixedDelay(3_000)
                .withHeader("Content-Type", "application/json").withBody("{\"sid\": \"SMlate\"}")));

        TwilioProperties impatient = new TwilioProperties(ACCOUNT_SID, AUTH_TOKEN, "+15005550006", null, "+14155238886", Map.of(),
                "http://127.0.0.1:" + twilio.port(), Duration.ofSeconds(1));
        long started = System.nanoTime();
        DeliveryOutcome outcome = new TwilioSmsSender(messages(impatient), impatient)
                .send(message(NotificationChannel.SMS, NotificationKind.BOOKING_CONFIRMED, false));

        assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.UNKNOWN);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_900));
        onlyRequest();
    }

    @Test
    void aTwilioThatCannotBeReachedIsATransientFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TwilioProperties properties = properties("http://127.0.0.1:" + closedPort);

        DeliveryOutcome outcome = new TwilioSmsSender(messages(properties), properties)
                .send(message(NotificationChannel.SMS, NotificationKind.BOOKING_CONFIRMED, false));

        assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.FAILED);
        assertThat(outcome.permanent()).isFalse();
    }

    @Test
    void aMessagingServiceSendsInsteadOfAFromNumberWhenThatIsWhatIsConfigured() {
        accept();
        TwilioProperties properties = new TwilioProperties(ACCOUNT_SID, AUTH_TOKEN, null, "MG00000000000000000000000000000001", null,
                Map.of(), "http://127.0.0.1:" + twilio.port(), Duration.ofSeconds(1));

        new TwilioSmsSender(messages(properties), properties).sendVerificationText(TO, "Your code is 654321");

        twilio.verify(postRequestedFor(urlPathEqualTo(MESSAGES))
                .withFormParam("MessagingServiceSid", equalTo("MG00000000000000000000000000000001"))
                .withFormParam("From", absent())
                .withHeader("User-Agent", matching("twilio-java/.*")));
    }
}
