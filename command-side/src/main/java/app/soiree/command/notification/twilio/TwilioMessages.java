package app.soiree.command.notification.twilio;

import app.soiree.api.notification.DeliveryOutcome;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.SkipReason;
import app.soiree.command.notification.NotificationsProperties;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates messages at Twilio and says what became of each, in the words of {@link DeliveryOutcome}:
 * <ul>
 *   <li>accepted (2xx): sent, with Twilio's message SID;</li>
 *   <li>21610 (the number answered STOP): skipped as {@link SkipReason#OPTED_OUT}, the reason the audit names for
 *       "the recipient opted out", whether we knew it first or Twilio did; a skip is never retried;</li>
 *   <li>an invalid, unreachable or non-mobile number (21211, 21612, 21614, 21408...), 63016 (WhatsApp free-form text
 *       outside the 24-hour window) and any other refusal of the request (4xx): permanent failures;</li>
 *   <li>429 (too many requests), 503 (not processed), 401 (our credentials) and a connection that was never made:
 *       transient failures, retried later;</li>
 *   <li>a time-out, a broken connection, any other 5xx or an answer that cannot be read: unknown. Twilio may have
 *       taken the message; it is never sent again blindly, and its status callback may still settle it.</li>
 * </ul>
 */
public final class TwilioMessages {

    private static final Logger log = LoggerFactory.getLogger(TwilioMessages.class);

    static final int OPTED_OUT = 21610;
    private static final Set<Integer> BAD_NUMBER = Set.of(21211, 21212, 21214, 21217, 21401, 21407, 21408, 21421, 21606, 21608, 21612,
            21614, 63003, 63024);
    static final int OUTSIDE_WINDOW = 63016;

    private final TwilioRestClient client;
    private final NotificationsProperties notifications;

    TwilioMessages(TwilioRestClient client, NotificationsProperties notifications) {
        this.client = client;
        this.notifications = notifications;
    }

    /** Where Twilio reports this delivery's progress; the query names it, and is signed with the rest of the URL. */
    URI statusCallback(NotificationId notificationId, NotificationChannel channel) {
        return URI.create(notifications.link(TwilioWebhookController.STATUS_PATH + "?notificationId=" + notificationId + "&channel=" + channel));
    }

    DeliveryOutcome create(MessageCreator creator, String maskedTo) {
        try {
            Message message = creator.create(client);
            return DeliveryOutcome.sent(message.getSid(), maskedTo);
        } catch (ApiException e) {
            return outcomeOf(e);
        } catch (ApiConnectionException e) {
            log.warn("Twilio's answer to a message could not be read; its outcome is unknown: {}", e.getMessage());
            return DeliveryOutcome.unknown("Twilio's answer was lost: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("A message to Twilio failed in an unexpected way; its outcome is unknown", e);
            return DeliveryOutcome.unknown("Unexpected failure: " + e);
        }
    }

    static DeliveryOutcome outcomeOf(ApiException e) {
        IOException io = ioCause(e);
        if (io != null) {
            if (io instanceof ConnectException || io instanceof UnknownHostException || io instanceof NoRouteToHostException) {
                return DeliveryOutcome.transientFailure(null, "Twilio could not be reached: " + io);
            }
            return DeliveryOutcome.unknown("No answer from Twilio: " + io);
        }
        Integer code = e.getCode();
        Integer status = e.getStatusCode();
        String detail = (status == null ? "" : "HTTP " + status + " ") + (code == null ? "" : code + " ") + e.getMessage();
        String errorCode = code == null ? (status == null ? null : "http-" + status) : code.toString();
        if (code != null && code == OPTED_OUT) {
            return DeliveryOutcome.skipped(SkipReason.OPTED_OUT);
        }
        if (code != null && (BAD_NUMBER.contains(code) || code == OUTSIDE_WINDOW)) {
            return DeliveryOutcome.permanentFailure(errorCode, detail);
        }
        if (status == null) {
            return DeliveryOutcome.unknown("Twilio's answer could not be read: " + e.getMessage());
        }
        if (status == 429 || status == 503 || status == 401) {
            return DeliveryOutcome.transientFailure(errorCode, detail);
        }
        if (status >= 500) {
            return DeliveryOutcome.unknown(detail);
        }
        return DeliveryOutcome.permanentFailure(errorCode, detail);
    }

    private static @Nullable IOException ioCause(Throwable thrown) {
        for (Throwable cause = thrown.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io && !(cause instanceof com.fasterxml.jackson.core.JacksonException)) {
                return io;
            }
        }
        return null;
    }
}
