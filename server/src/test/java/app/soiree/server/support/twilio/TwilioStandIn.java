package app.soiree.server.support.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A stand-in for Twilio's REST API (one WireMock server per JVM) that accepts every message the way api.twilio.com
 * does (201, a message SID), so that the real SDK can send SMS and WhatsApp messages to it; and Twilio's side of the
 * callbacks: requests signed as Twilio signs them ({@code X-Twilio-Signature}).
 */
public final class TwilioStandIn {

    /** Made up; never valid at Twilio. */
    public static final String ACCOUNT_SID = "AC5017ee5017ee5017ee5017ee5017ee50";
    public static final String AUTH_TOKEN = "standin-twilio-auth-token-not-a-secret";
    public static final String SMS_FROM = "+15005550006";
    public static final String WHATSAPP_FROM = "+14155238886";
    /** The URL Twilio is told to call back: not this server's own address, as behind a proxy. */
    public static final String PUBLIC_BASE_URL = "https://soiree.example";
    public static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private TwilioStandIn() {
    }

    private static final class Holder {
        static final WireMockServer SERVER = start();
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .globalTemplating(true));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "twilio-stand-in-stop"));
        server.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"sid": "SM{{randomValue length=32 type='HEXADECIMAL'}}", "account_sid": "%s", "status": "queued",
                         "direction": "outbound-api",
                         "api_version": "2010-04-01"}
                        """.formatted(ACCOUNT_SID))));
        return server;
    }

    public static WireMockServer server() {
        return Holder.SERVER;
    }

    /** Configures a Spring context to send SMS and WhatsApp through Twilio, at the stand-in. */
    public static final class Properties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("twilioStandIn", Map.of(
                    "soiree.twilio.account-sid", ACCOUNT_SID,
                    "soiree.twilio.auth-token", AUTH_TOKEN,
                    "soiree.twilio.sms-from", SMS_FROM,
                    "soiree.twilio.whatsapp-from", WHATSAPP_FROM,
                    "soiree.twilio.api-base-url", "http://127.0.0.1:" + server().port(),
                    "soiree.twilio.read-timeout", "PT10S", // generous: a busy machine answers slowly, and a timeout is UNKNOWN
                    "soiree.notifications.public-base-url", PUBLIC_BASE_URL)));
        }
    }

    /** The messages created for {@code to} (E.164, or {@code whatsapp:+...}), oldest first, as their form fields. */
    public static List<Map<String, String>> messagesTo(String to) {
        return server().findAll(postRequestedFor(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo(to))).stream()
                .map(TwilioStandIn::form).toList();
    }

    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            if (!pair.isEmpty()) {
                String[] nameValue = pair.split("=", 2);
                fields.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                        nameValue.length < 2 ? "" : URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    /**
     * Twilio's signature of a callback: HMAC-SHA1 with the auth token over the full URL it calls, followed by each POST
     * field's name and value in the order of the names; Base64.
     */
    public static String sign(String url, Map<String, String> fields) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(fields).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form body for {@code fields}, URL-encoded as Twilio posts it. */
    public static String formBody(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return body.toString();
    }
}
