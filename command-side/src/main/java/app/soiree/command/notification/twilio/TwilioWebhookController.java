package app.soiree.command.notification.twilio;

import app.soiree.api.error.CommandFailures;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.ChangeChannelOptOut;
import app.soiree.api.notification.DeliveryStatus;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.OpenWhatsAppWindow;
import app.soiree.api.notification.RecordProviderStatus;
import app.soiree.command.notification.ChannelSelection;
import app.soiree.command.notification.NotificationsProperties;
import com.twilio.security.RequestValidator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's callbacks: a message's progress ({@code /status}, the callback URL each send names) and what users write
 * to our numbers ({@code /inbound}). Each is believed only with a valid {@code X-Twilio-Signature}: an HMAC of the exact
 * URL Twilio called, which is the public one ({@code soiree.notifications.public-base-url}), not the one this server
 * sees behind its proxy, and of the form fields. Without Twilio configured these paths do not exist (404).
 */
@RestController
@Conditional(ChannelSelection.Twilio.class)
@Tag(name = "Webhooks")
class TwilioWebhookController {

    static final String STATUS_PATH = "/api/webhooks/twilio/status";
    static final String INBOUND_PATH = "/api/webhooks/twilio/inbound";
    static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);
    private static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> START_WORDS = Set.of("START", "UNSTOP", "YES");
    private static final Map<String, Object> TWILIO_ACTOR = Map.of(Actor.USER_ID_KEY, "provider:twilio", Actor.ROLES_KEY, "");
    /** A number verified by more users than this is suspicious: a STOP from it reaches these, and a warning is logged. */
    private static final int MAX_USERS_PER_NUMBER = 20;

    private final RequestValidator validator;
    private final NotificationsProperties notifications;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    TwilioWebhookController(TwilioProperties twilio, NotificationsProperties notifications, CommandGateway commands, JdbcTemplate jdbc,
                            Clock clock) {
        this.validator = new RequestValidator(twilio.authToken());
        this.notifications = notifications;
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PostMapping(path = STATUS_PATH, consumes = "application/x-www-form-urlencoded")
    @Operation(summary = "Twilio's status callback for a message we sent; 403 on a bad signature, 204 otherwise (also when it "
            + "is about nothing we know)")
    ResponseEntity<Void> status(HttpServletRequest request, @RequestHeader(name = "X-Twilio-Signature", required = false) @Nullable String signature) {
        Map<String, String> form = verified(request, signature);
        Optional<NotificationId> notificationId = parse(request.getParameter("notificationId"), NotificationId::of);
        Optional<NotificationChannel> channel = parse(request.getParameter("channel"), NotificationChannel::valueOf);
        String providerStatus = form.getOrDefault("MessageStatus", form.getOrDefault("SmsStatus", ""));
        DeliveryStatus status = statusOf(providerStatus);
        String messageSid = form.getOrDefault("MessageSid", form.getOrDefault("SmsSid", ""));
        if (notificationId.isEmpty() || channel.isEmpty() || status == null || messageSid.isBlank()) {
            log.info("Ignored a Twilio status callback ({} for {} on {})", providerStatus, request.getParameter("notificationId"),
                    request.getParameter("channel"));
            return ResponseEntity.noContent().build();
        }
        String errorCode = form.get("ErrorCode");
        send(new RecordProviderStatus(notificationId.get(), channel.get(), messageSid, status, providerStatus,
                errorCode == null || errorCode.isBlank() ? null : errorCode, clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = INBOUND_PATH, consumes = "application/x-www-form-urlencoded")
    @Operation(summary = "What a user wrote to our SMS or WhatsApp number: STOP and START move the opt-out of that channel, any "
            + "WhatsApp message opens its 24-hour window; 403 on a bad signature, 204 otherwise")
    ResponseEntity<Void> inbound(HttpServletRequest request, @RequestHeader(name = "X-Twilio-Signature", required = false) @Nullable String signature) {
        Map<String, String> form = verified(request, signature);
        String from = form.getOrDefault("From", "");
        boolean whatsApp = from.startsWith("whatsapp:");
        String phone = whatsApp ? from.substring("whatsapp:".length()) : from;
        NotificationChannel channel = whatsApp ? NotificationChannel.WHATSAPP : NotificationChannel.SMS;
        String word = form.getOrDefault("Body", "").strip().toUpperCase(Locale.ROOT);
        List<UserId> users = usersWithPhone(phone);
        if (users.isEmpty()) {
            log.info("A {} message came from a number no user verified; ignored", channel);
        }
        Instant now = clock.instant();
        for (UserId user : users) {
            if (whatsApp) {
                send(new OpenWhatsAppWindow(user, now.plus(WHATSAPP_WINDOW)));
            }
            if (STOP_WORDS.contains(word)) {
                send(new ChangeChannelOptOut(user, channel, true));
            } else if (START_WORDS.contains(word)) {
                send(new ChangeChannelOptOut(user, channel, false));
            }
        }
        return ResponseEntity.noContent().build();
    }

    /** The form fields Twilio signed, once the signature over them and the public URL checks out; 403 otherwise. */
    private Map<String, String> verified(HttpServletRequest request, @Nullable String signature) {
        if (signature == null || signature.isBlank()) {
            throw new SoireeException(ErrorCode.FORBIDDEN, "The X-Twilio-Signature header is missing");
        }
        String query = request.getQueryString();
        String url = notifications.link(request.getRequestURI()) + (query == null ? "" : "?" + query);
        Map<String, String> form = formFields(request);
        if (!validator.validate(url, form, signature)) {
            throw new SoireeException(ErrorCode.FORBIDDEN, "The X-Twilio-Signature does not sign this request");
        }
        return form;
    }

    /**
     * The body's fields without the query's: the servlet container merges both into its parameters, the query's values
     * first, and Twilio signs the query as part of the URL and only the body's fields as fields.
     */
    static Map<String, String> formFields(HttpServletRequest request) {
        Map<String, Integer> inQuery = new HashMap<>();
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                    inQuery.merge(name, 1, Integer::sum);
                }
            }
        }
        Map<String, String> form = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            int skip = inQuery.getOrDefault(name, 0);
            if (values.length > skip) {
                form.put(name, values[skip]);
            }
        });
        return form;
    }

    /** Twilio's word for a message's progress, in ours; null for what says nothing about a message we sent. */
    static @Nullable DeliveryStatus statusOf(String providerStatus) {
        return switch (providerStatus.toLowerCase(Locale.ROOT)) {
            case "queued", "accepted", "scheduled", "sending", "sent" -> DeliveryStatus.SENT;
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "read" -> DeliveryStatus.READ;
            case "undelivered", "failed", "canceled" -> DeliveryStatus.FAILED;
            default -> null;
        };
    }

    private List<UserId> usersWithPhone(String phone) {
        List<UserId> users = jdbc.query("select user_id from notification_recipients where phone = ? limit ?",
                (rs, row) -> new UserId(rs.getObject(1, UUID.class)), phone, MAX_USERS_PER_NUMBER);
        if (users.size() == MAX_USERS_PER_NUMBER) {
            log.warn("{} or more users verified the same number; a message from it reaches only the first of them", MAX_USERS_PER_NUMBER);
        }
        return users;
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(TWILIO_ACTOR));
        } catch (AggregateNotFoundException unknown) {
            log.info("A Twilio callback is about something Soiree does not know: {}", unknown.getMessage());
        } catch (RuntimeException refused) {
            if (CommandFailures.codeOf(refused).filter(ErrorCode.NOT_FOUND::equals).isEmpty()) {
                throw refused;
            }
            // answered 204 all the same: Twilio would otherwise keep calling about a message we never sent
            log.info("A Twilio callback is about something Soiree does not know: {}", refused.getMessage());
        }
    }

    private static <T> Optional<T> parse(@Nullable String value, java.util.function.Function<String, T> parser) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
