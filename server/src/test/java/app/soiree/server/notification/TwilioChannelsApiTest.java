package app.soiree.server.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.identity.UserId;
import app.soiree.api.notification.DeliveryOutcome;
import app.soiree.api.notification.DeliveryStatus;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationContent;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.NotificationKind;
import app.soiree.api.notification.NotificationSettingsCommand;
import app.soiree.api.notification.PhoneNumberVerified;
import app.soiree.api.notification.RecordProviderStatus;
import java.util.ArrayList;
import app.soiree.server.support.Staff;
import app.soiree.server.support.Gatherings;
import app.soiree.command.notification.ChannelSender;
import app.soiree.command.notification.OutgoingMessage;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.SmtpStandIn;
import app.soiree.server.support.StripeIntegrationTest;
import app.soiree.server.support.twilio.TwilioStandIn;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications through the real providers' protocols: the phone verification code through the Twilio SDK to the
 * stand-in, Twilio's signed status and inbound callbacks, and email over SMTP.
 */
@StripeIntegrationTest
class TwilioChannelsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandBus commandBus;
    @Autowired
    EventStore eventStore;

    @Autowired
    List<ChannelSender> senders;

    private Api api;
    private final List<RecordProviderStatus> statusReports = new CopyOnWriteArrayList<>();
    private Registration recording;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        // What the status callback hands on; what the Notification aggregate then does with it is tested with it.
        recording = commandBus.registerDispatchInterceptor(messages -> (index, command) -> {
            if (command.getPayload() instanceof RecordProviderStatus report) {
                statusReports.add(report);
            }
            return command;
        });
    }

    @AfterEach
    void tearDown() {
        recording.cancel();
    }

    private static String freshNumber() {
        return "+3361" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    // ---- Phone verification ------------------------------------------------------------------------------------

    @Test
    void theCodeGoesBySmsThroughTwilioAndVerifiesTheNumberOnce() {
        Session ana = api.newUser("Ana Twilio");
        String phone = freshNumber();

        Response requested = api.put("/api/me/phone", ana.accessToken(), Map.of("phone", phone)).expectStatus(202);
        assertThat(requested.json().get("phone").asString()).isEqualTo(phone);

        List<Map<String, String>> sent = smsTo(phone, 1);
        assertThat(sent.getFirst()).containsEntry("From", TwilioStandIn.SMS_FROM).doesNotContainKey("StatusCallback");
        String code = codeIn(sent.getFirst().get("Body"));
        String wrong = code.equals("000000") ? "111111" : "000000";

        Response refused = api.post("/api/me/phone/verify", ana.accessToken(), Map.of("code", wrong)).expectStatus(422);
        assertThat(refused.code()).isEqualTo("VERIFICATION_FAILED");
        assertThat(refused.json().get("attemptsLeft").asInt()).isEqualTo(4);

        api.post("/api/me/phone/verify", ana.accessToken(), Map.of("code", code)).expectStatus(204);

        // The number is personal data: sealed under Ana's key as stored, opened as the event store reads it.
        assertThat(eventsOf(ana)).anySatisfy(event -> {
            assertThat(event.type()).endsWith(".PhoneNumberVerified");
            assertThat(event.payload().get("phone").has("sealed")).isTrue();
            assertThat(event.payload().toString()).doesNotContain(phone);
        });
        assertThat(eventStore.readEvents(NotificationSettingsCommand.settingsIdOf(UserId.of(ana.userId()))).asStream()
                .map(event -> event.getPayload()).filter(PhoneNumberVerified.class::isInstance).map(PhoneNumberVerified.class::cast))
                .singleElement().satisfies(verified -> assertThat(verified.phone()).isEqualTo(phone));
        Response again = api.post("/api/me/phone/verify", ana.accessToken(), Map.of("code", code)).expectStatus(422);
        assertThat(again.code()).isEqualTo("VERIFICATION_FAILED");
        assertThat(eventsOf(ana)).filteredOn(event -> event.type().endsWith(".PhoneNumberVerified")).hasSize(1);
    }

    // ---- Status callbacks --------------------------------------------------------------------------------------

    private Response statusCallback(String query, Map<String, String> fields, String signedUrl) {
        return form("/api/webhooks/twilio/status?" + query, TwilioStandIn.formBody(fields), TwilioStandIn.sign(signedUrl, fields));
    }

    private Response signedStatus(NotificationId notificationId, String status, String messageSid) {
        String query = "notificationId=" + notificationId + "&channel=SMS";
        Map<String, String> fields = statusFields(status, messageSid);
        return statusCallback(query, fields, TwilioStandIn.PUBLIC_BASE_URL + "/api/webhooks/twilio/status?" + query);
    }

    private static Map<String, String> statusFields(String status, String messageSid) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        fields.put("MessageSid", messageSid);
        fields.put("SmsSid", messageSid);
        fields.put("MessageStatus", status);
        fields.put("SmsStatus", status);
        fields.put("To", "+33612345678");
        fields.put("From", TwilioStandIn.SMS_FROM);
        fields.put("ApiVersion", "2010-04-01");
        return fields;
    }

    private static NotificationId someNotification() {
        return NotificationId.of("test-" + UUID.randomUUID(), UserId.random(), NotificationKind.BOOKING_CONFIRMED);
    }

    @Test
    void aSignedStatusCallbackIsHandedOnInOurWordsAndAnsweredNoContent() {
        NotificationId notificationId = someNotification();

        signedStatus(notificationId, "delivered", "SMstatus0001").expectStatus(204);

        assertThat(reportsFor(notificationId)).singleElement().satisfies(report -> {
            assertThat(report.channel()).isEqualTo(NotificationChannel.SMS);
            assertThat(report.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(report.providerStatus()).isEqualTo("delivered");
            assertThat(report.providerMessageId()).isEqualTo("SMstatus0001");
        });
    }

    @Test
    void aTamperedOrUnsignedOrOtherwiseAddressedCallbackIsForbiddenAndChangesNothing() {
        NotificationId notificationId = someNotification();
        String query = "notificationId=" + notificationId + "&channel=SMS";
        String publicUrl = TwilioStandIn.PUBLIC_BASE_URL + "/api/webhooks/twilio/status?" + query;
        Map<String, String> signedFields = statusFields("undelivered", "SMstatus0002");
        String signature = TwilioStandIn.sign(publicUrl, signedFields);

        Map<String, String> tampered = new LinkedHashMap<>(signedFields);
        tampered.put("MessageStatus", "delivered");
        Response forged = form("/api/webhooks/twilio/status?" + query, TwilioStandIn.formBody(tampered), signature);
        Response otherQuery = form("/api/webhooks/twilio/status?notificationId=" + someNotification() + "&channel=SMS",
                TwilioStandIn.formBody(signedFields), signature);
        Response unsigned = form("/api/webhooks/twilio/status?" + query, TwilioStandIn.formBody(signedFields), null);
        // Signed for the address this server sees, not for the public one Twilio was given.
        Response localUrl = statusCallback(query, signedFields, "http://localhost:" + port + "/api/webhooks/twilio/status?" + query);

        for (Response response : List.of(forged, otherQuery, unsigned, localUrl)) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.code()).isEqualTo("FORBIDDEN");
        }
        assertThat(statusReports).noneMatch(report -> report.providerMessageId().equals("SMstatus0002"));
    }

    @Test
    void callbacksReplayedOutOfOrderAreEachAcceptedAndHandedOnAsTheyCame() {
        NotificationId notificationId = someNotification();

        signedStatus(notificationId, "delivered", "SMstatus0003").expectStatus(204);
        signedStatus(notificationId, "sent", "SMstatus0003").expectStatus(204);
        signedStatus(notificationId, "queued", "SMstatus0003").expectStatus(204);
        signedStatus(notificationId, "delivered", "SMstatus0003").expectStatus(204);

        // Which of them moves the delivery forward is the delivery's to decide (DeliveryStatus.advancesTo).
        assertThat(reportsFor(notificationId)).extracting(RecordProviderStatus::status)
                .containsExactly(DeliveryStatus.DELIVERED, DeliveryStatus.SENT, DeliveryStatus.SENT, DeliveryStatus.DELIVERED);
        assertThat(DeliveryStatus.DELIVERED.advancesTo(DeliveryStatus.SENT)).isFalse();
    }

    @Test
    void aCallbackAboutNothingWeKnowOrInAStatusWeDoNotTrackIsAcknowledged() {
        String query = "notificationId=not-a-uuid&channel=SMS";
        Map<String, String> fields = statusFields("delivered", "SMstatus0004");
        statusCallback(query, fields, TwilioStandIn.PUBLIC_BASE_URL + "/api/webhooks/twilio/status?" + query).expectStatus(204);

        signedStatus(someNotification(), "receiving", "SMstatus0005").expectStatus(204);
        assertThat(statusReports).extracting(RecordProviderStatus::providerMessageId).doesNotContain("SMstatus0004", "SMstatus0005");
    }

    // ---- Inbound messages --------------------------------------------------------------------------------------

    private Response inbound(String from, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        fields.put("MessageSid", "SMinbound" + UUID.randomUUID().toString().replace("-", ""));
        fields.put("From", from);
        fields.put("To", from.startsWith("whatsapp:") ? "whatsapp:" + TwilioStandIn.WHATSAPP_FROM : TwilioStandIn.SMS_FROM);
        fields.put("Body", body);
        fields.put("NumMedia", "0");
        return form("/api/webhooks/twilio/inbound", TwilioStandIn.formBody(fields),
                TwilioStandIn.sign(TwilioStandIn.PUBLIC_BASE_URL + "/api/webhooks/twilio/inbound", fields));
    }

    /** A user whose number is verified, the real way, and known as the recipient with that number. */
    private Session verifiedUser(String name, String phone) {
        Session user = api.newUser(name);
        api.put("/api/me/phone", user.accessToken(), Map.of("phone", phone)).expectStatus(202);
        String code = codeIn(smsTo(phone, 1).getLast().get("Body"));
        api.post("/api/me/phone/verify", user.accessToken(), Map.of("code", code)).expectStatus(204);
        // the planner's directory takes the verified number in from the stream
        await().atMost(Duration.ofSeconds(10)).until(() -> phone.equals(jdbc.query("select phone from notification_recipients where user_id = ?",
                (rs, row) -> rs.getString(1), UUID.fromString(user.userId())).stream().findFirst().orElse(null)));
        return user;
    }

    @Test
    void aBookingReachesAVerifiedPhoneAndAMailboxAndCallbacksInAnyOrderOnlyMoveTheDeliveryForward() throws Exception {
        String phone = freshNumber();
        Session guy = verifiedUser("Guy Texted", phone);
        Session host = api.newHost("Hal Host");
        String gatheringId = Gatherings.publish(api, host, Gatherings.gathering("Wine walk", List.of(Gatherings.tier("Free", 0, 5))));
        api.postOnce("/api/bookings", guy.accessToken(), Map.of("gatheringId", gatheringId, "tierId", Gatherings.firstTierId(api, gatheringId),
                "quantity", 1)).expectStatus(201);

        Map<String, String> text = await().atMost(Duration.ofSeconds(20)).until(() -> TwilioStandIn.messagesTo(phone), sent -> sent.size() == 2)
                .getLast();
        assertThat(text.get("Body")).contains("You're going to Wine walk");
        String callback = text.get("StatusCallback");
        assertThat(callback).startsWith(TwilioStandIn.PUBLIC_BASE_URL + "/api/webhooks/twilio/status?notificationId=").endsWith("&channel=SMS");
        NotificationId notificationId = NotificationId.of(callback.replaceAll(".*notificationId=([^&]+).*", "$1"));

        MimeMessage mail = await().atMost(Duration.ofSeconds(20)).until(() -> received(guy.email()), found -> found != null);
        assertThat(mail.getSubject()).isEqualTo("You're going to Wine walk");

        signedStatus(notificationId, "delivered", "SMguy0001").expectStatus(204);
        signedStatus(notificationId, "sent", "SMguy0001").expectStatus(204);
        signedStatus(notificationId, "delivered", "SMguy0001").expectStatus(204);

        Session support = Staff.of(api, port).support();
        JsonNode sms = await().atMost(Duration.ofSeconds(20)).until(() -> smsDelivery(support, guy, notificationId),
                delivery -> delivery != null && "DELIVERED".equals(delivery.get("status").asString()));
        List<String> statuses = new ArrayList<>();
        sms.get("history").forEach(step -> statuses.add(step.get("status").isNull() ? "-" : step.get("status").asString()));
        assertThat(statuses).containsExactly("PLANNED", "SENT", "DELIVERED");
        assertThat(sms.get("destination").asString()).doesNotContain(phone.substring(4, 10));
    }

    private @Nullable JsonNode smsDelivery(Session support, Session user, NotificationId notificationId) {
        for (JsonNode notification : api.get("/api/staff/notifications?userId=" + user.userId(), support.accessToken()).expectStatus(200)
                .json().get("items")) {
            if (notification.get("notificationId").asString().equals(notificationId.toString())) {
                for (JsonNode delivery : notification.get("deliveries")) {
                    if (delivery.get("channel").asString().equals("SMS")) {
                        return delivery;
                    }
                }
            }
        }
        return null;
    }

    @Test
    void stopOptsTheNumberOutOfSmsAndStartBackIn() {
        String phone = freshNumber();
        Session ben = verifiedUser("Ben Stop", phone);

        inbound(phone, "STOP").expectStatus(204);
        assertThat(optOuts(ben)).containsExactly("SMS:true");

        inbound(phone, "stop").expectStatus(204); // again: nothing new
        inbound(phone, "  start ").expectStatus(204);
        assertThat(optOuts(ben)).containsExactly("SMS:true", "SMS:false");

        inbound(phone, "Hello, what time does it start?").expectStatus(204);
        assertThat(optOuts(ben)).hasSize(2);
    }

    @Test
    void aWhatsAppMessageOpensTheWindowForADayAndItsStopConcernsWhatsAppOnly() {
        String phone = freshNumber();
        Session chloe = verifiedUser("Chloe WhatsApp", phone);
        Instant before = Instant.now();

        inbound("whatsapp:" + phone, "Hi!").expectStatus(204);

        assertThat(eventsOf(chloe)).filteredOn(event -> event.type().endsWith(".WhatsAppWindowOpened")).singleElement()
                .satisfies(event -> assertThat(Instant.parse(event.payload().get("until").asString()))
                        .isBetween(before.plus(Duration.ofHours(24)), Instant.now().plus(Duration.ofHours(24))));

        inbound("whatsapp:" + phone, "STOP").expectStatus(204);
        assertThat(optOuts(chloe)).containsExactly("WHATSAPP:true");
    }

    @Test
    void anUnsignedInboundIsForbiddenAndAnUnknownNumberIsIgnored() {
        Response unsigned = form("/api/webhooks/twilio/inbound", "From=%2B33600000000&Body=STOP", "bm90IGEgc2lnbmF0dXJl");
        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(unsigned.code()).isEqualTo("FORBIDDEN");

        inbound("+33600000001", "STOP").expectStatus(204);
    }

    // ---- Email -------------------------------------------------------------------------------------------------

    @Test
    void theEmailChannelIsSmtpAndItsMessagesReachTheServer() throws Exception {
        ChannelSender email = senders.stream().filter(sender -> sender.channel() == NotificationChannel.EMAIL).findFirst().orElseThrow();
        String to = "dana." + UUID.randomUUID() + "@soiree.test";
        UserId dana = UserId.random();
        NotificationContent content = new NotificationContent("Your gathering was cancelled", "We are sorry.",
                TwilioStandIn.PUBLIC_BASE_URL + "/gatherings/1", Map.of("gatheringTitle", "Rooftop <party>"), "en");

        DeliveryOutcome outcome = email.send(new OutgoingMessage(NotificationId.of("email-test", dana, NotificationKind.GATHERING_CANCELLED),
                NotificationKind.GATHERING_CANCELLED, NotificationChannel.EMAIL, 1, dana, to, "Dana", content, false));

        assertThat(outcome.result()).isEqualTo(DeliveryOutcome.Result.SENT);
        await().atMost(Duration.ofSeconds(10)).until(() -> received(to) != null);
        MimeMessage message = received(to);
        assertThat(message.getSubject()).isEqualTo("Your gathering was cancelled");
        assertThat(message.getMessageID()).isEqualTo(outcome.providerMessageId());
        assertThat(senders).extracting(ChannelSender::channel)
                .contains(NotificationChannel.EMAIL, NotificationChannel.SMS, NotificationChannel.WHATSAPP);
        assertThat(senders).extracting(sender -> sender.getClass().getSimpleName())
                .containsExactlyInAnyOrder("SmtpEmailSender", "TwilioSmsSender", "TwilioWhatsAppSender");
    }

    @Test
    void theDevOutboxDoesNotExistWithRealProviders() {
        assertThat(api.get("/api/dev/outbox", api.newUser("Eve Outbox").accessToken()).status()).isEqualTo(404);
    }

    // ---- Helpers -----------------------------------------------------------------------------------------------

    /** POSTs a form as Twilio does: {@code application/x-www-form-urlencoded}, signed (or not, with a null signature). */
    private Response form(String pathAndQuery, String body, @Nullable String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The texts the stand-in took for {@code phone}, once there are {@code count} (WireMock may record just after answering). */
    private static List<Map<String, String>> smsTo(String phone, int count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> TwilioStandIn.messagesTo(phone).size() >= count);
        List<Map<String, String>> sent = TwilioStandIn.messagesTo(phone);
        assertThat(sent).hasSize(count);
        return sent;
    }

    private static MimeMessage received(String to) throws Exception {
        for (MimeMessage message : SmtpStandIn.server().getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().contains(to)) {
                return message;
            }
        }
        return null;
    }

    private List<RecordProviderStatus> reportsFor(NotificationId notificationId) {
        return statusReports.stream().filter(report -> report.notificationId().equals(notificationId)).toList();
    }

    private static String codeIn(String text) {
        Matcher matcher = CODE.matcher(text);
        assertThat(matcher.find()).as("a six-digit code in %s", text).isTrue();
        return matcher.group(1);
    }

    record StoredEvent(String type, JsonNode payload) {
    }

    /** The user's settings' events, from the event store, in order. */
    private List<StoredEvent> eventsOf(Session user) {
        return jdbc.query("select payload_type, payload from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                (rs, row) -> new StoredEvent(rs.getString(1), JSON.readTree(rs.getBytes(2))),
                NotificationSettingsCommand.settingsIdOf(UserId.of(user.userId())));
    }

    private List<String> optOuts(Session user) {
        return eventsOf(user).stream().filter(event -> event.type().endsWith(".ChannelOptOutChanged"))
                .map(event -> event.payload().get("channel").asString() + ":" + event.payload().get("optedOut").asBoolean())
                .toList();
    }
}
