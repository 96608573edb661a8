package app.soiree.server.notification;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.Staff;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A user's notification settings over the API, with the embedded default's simulated SMS and the dev outbox. */
@IntegrationTest
class NotificationSettingsApiTest {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @LocalServerPort
    int port;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private static Map<String, Object> preferences(String timezone) {
        Map<String, Object> body = new HashMap<>();
        body.put("timezone", timezone);
        body.put("quietHours", Map.of("from", "22:00", "to", "07:30"));
        body.put("channels", Map.of("EMAIL", true, "SMS", false, "WHATSAPP", true));
        body.put("categories", Map.of("SOCIAL", Map.of("EMAIL", false), "PROMOTIONAL", Map.of("IN_APP", false)));
        body.put("language", "fr");
        return body;
    }

    @Test
    void preferencesAreStoredAndAnsweredWithTheirVersion() {
        Session ana = api.newUser("Ana Prefs");

        JsonNode stored = api.put("/api/me/notification-preferences", ana.accessToken(), preferences("Europe/Paris")).expectStatus(200).json();

        assertThat(stored.get("timezone").asString()).isEqualTo("Europe/Paris");
        assertThat(stored.get("quietHours").get("from").asString()).isEqualTo("22:00");
        assertThat(stored.get("quietHours").get("to").asString()).isEqualTo("07:30");
        assertThat(stored.get("channels").get("SMS").asBoolean()).isFalse();
        assertThat(stored.get("channels").get("EMAIL").asBoolean()).isTrue();
        assertThat(stored.get("categories").get("SOCIAL").get("EMAIL").asBoolean()).isFalse();
        assertThat(stored.get("categories").get("SOCIAL").get("IN_APP").asBoolean()).isTrue();
        assertThat(stored.get("categories").get("PROMOTIONAL").get("IN_APP").asBoolean()).isFalse();
        assertThat(stored.get("categories").get("TRANSACTIONAL").get("SMS").asBoolean()).isTrue(); // a default
        assertThat(stored.get("language").asString()).isEqualTo("fr");
        assertThat(stored.get("version").asLong()).isEqualTo(1);

        JsonNode same = api.put("/api/me/notification-preferences", ana.accessToken(), preferences("Europe/Paris")).expectStatus(200).json();
        assertThat(same.get("version").asLong()).isEqualTo(1);
        Map<String, Object> noQuietHours = preferences("America/New_York");
        noQuietHours.put("quietHours", null);
        JsonNode changed = api.put("/api/me/notification-preferences", ana.accessToken(), noQuietHours).expectStatus(200).json();
        assertThat(changed.get("version").asLong()).isEqualTo(2);
        assertThat(changed.get("quietHours").isNull()).isTrue();
    }

    @Test
    void switchingOffACategoryThatHoldsCriticalKindsOnEmailOrInAppIsRefused() {
        Session ben = api.newUser("Ben Critical");
        Map<String, Object> body = preferences("UTC");
        body.put("categories", Map.of("TRANSACTIONAL", Map.of("EMAIL", false, "IN_APP", false, "SMS", false)));

        Response refused = api.put("/api/me/notification-preferences", ben.accessToken(), body);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("CRITICAL_NOT_OPTIONAL");
        assertThat(fields(refused)).containsExactlyInAnyOrder("categories.TRANSACTIONAL.IN_APP", "categories.TRANSACTIONAL.EMAIL");
    }

    @Test
    void aTimeZoneOrQuietHoursThatDoNotExistAreFieldErrors() {
        Session chloe = api.newUser("Chloe Zone");
        Map<String, Object> body = preferences("Europe/Atlantis");
        body.put("quietHours", Map.of("from", "25:00", "to", "07:00"));

        Response refused = api.put("/api/me/notification-preferences", chloe.accessToken(), body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(fields(refused)).containsExactlyInAnyOrder("timezone", "quietHours.from");
        assertThat(api.put("/api/me/notification-preferences", chloe.accessToken(), preferences("+02:00")).status()).isEqualTo(400);
    }

    @Test
    void aPhoneIsVerifiedWithTheCodeTheSimulatedSmsCarried() {
        Session dana = api.newUser("Dana Phone");
        String phone = "+3370" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        String staff = Staff.of(api, port).support().accessToken();

        Response sent = api.put("/api/me/phone", dana.accessToken(), Map.of("phone", phone)).expectStatus(202);
        assertThat(sent.json().get("expiresAt").asString()).isNotBlank();

        JsonNode outbox = api.get("/api/dev/outbox?channel=SMS&to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8), staff)
                .expectStatus(200).json();
        assertThat(outbox.get("items")).hasSize(1);
        JsonNode text = outbox.get("items").get(0);
        assertThat(text.get("channel").asString()).isEqualTo("SMS");
        assertThat(text.get("to").asString()).isEqualTo(phone);
        Matcher code = CODE.matcher(text.get("body").asString());
        assertThat(code.find()).isTrue();

        Response wrong = api.post("/api/me/phone/verify", dana.accessToken(), Map.of("code", code.group(1).equals("123456") ? "654321" : "123456"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.code()).isEqualTo("VERIFICATION_FAILED");
        assertThat(wrong.json().get("attemptsLeft").asInt()).isEqualTo(4);
        api.post("/api/me/phone/verify", dana.accessToken(), Map.of("code", code.group(1))).expectStatus(204);
        assertThat(api.post("/api/me/phone/verify", dana.accessToken(), Map.of("code", code.group(1))).code()).isEqualTo("VERIFICATION_FAILED");
    }

    @Test
    void theCodeIsLostAfterTooManyWrongGuesses() {
        Session eve = api.newUser("Eve Guesses");
        String phone = "+3371" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        api.put("/api/me/phone", eve.accessToken(), Map.of("phone", phone)).expectStatus(202);
        JsonNode outbox = api.get("/api/dev/outbox?to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8),
                Staff.of(api, port).support().accessToken()).expectStatus(200).json();
        Matcher code = CODE.matcher(outbox.get("items").get(0).get("body").asString());
        assertThat(code.find()).isTrue();
        String wrong = code.group(1).equals("999999") ? "999998" : "999999";

        for (int left = 4; left >= 0; left--) {
            Response refused = api.post("/api/me/phone/verify", eve.accessToken(), Map.of("code", wrong));
            assertThat(refused.code()).isEqualTo("VERIFICATION_FAILED");
            assertThat(refused.json().get("attemptsLeft").asInt()).isEqualTo(left);
        }
        Response exhausted = api.post("/api/me/phone/verify", eve.accessToken(), Map.of("code", code.group(1)));
        assertThat(exhausted.status()).isEqualTo(422);
        assertThat(exhausted.json().get("attemptsLeft").asInt()).isZero();
    }

    @Test
    void aNumberThatIsNotE164IsAFieldErrorAndCodesAreLimitedPerDay() {
        Session finn = api.newUser("Finn Limits");
        Response invalid = api.put("/api/me/phone", finn.accessToken(), Map.of("phone", "06 12 34 56 78"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactly("phone");

        String phone = "+3372" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        for (int i = 0; i < 5; i++) {
            api.put("/api/me/phone", finn.accessToken(), Map.of("phone", phone)).expectStatus(202);
        }
        Response limited = api.put("/api/me/phone", finn.accessToken(), Map.of("phone", phone));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(80_000L, 86_400L);
    }

    @Test
    void whatsAppConsentIsGivenAndTakenBack() {
        Session gus = api.newUser("Gus Consent");

        api.put("/api/me/whatsapp-consent", gus.accessToken(), Map.of("optIn", true)).expectStatus(204);
        api.put("/api/me/whatsapp-consent", gus.accessToken(), Map.of("optIn", false)).expectStatus(204);
        Response missing = api.put("/api/me/whatsapp-consent", gus.accessToken(), Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).containsExactly("optIn");
        assertThat(api.put("/api/me/whatsapp-consent", null, Map.of("optIn", true)).status()).isEqualTo(401);
    }

    @Test
    void theDevOutboxIsForStaffAndTwiliosWebhooksAreAbsentWithoutTwilio() {
        Session hana = api.newUser("Hana Curious");

        Response refused = api.get("/api/dev/outbox", hana.accessToken());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("FORBIDDEN");
        assertThat(api.postRaw("/api/webhooks/twilio/status", null, "MessageStatus=delivered", "application/x-www-form-urlencoded").status())
                .isEqualTo(404);
        assertThat(api.postRaw("/api/webhooks/twilio/inbound", null, "Body=STOP", "application/x-www-form-urlencoded").status())
                .isEqualTo(404);
    }

    private static List<String> fields(Response response) {
        return response.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList();
    }
}
