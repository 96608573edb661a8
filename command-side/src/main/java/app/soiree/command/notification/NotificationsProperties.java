package app.soiree.command.notification;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code soiree.notifications.*}.
 *
 * @param publicBaseUrl        where the platform is reached from outside: links in messages, and the URL Twilio calls
 *                             back (its signatures are checked against exactly this)
 * @param reminderLeadTimes    how long before a gathering its guests are reminded (24 hours and 1 hour)
 * @param holdWarningBefore    how long before a hold expires its guest is warned (3 minutes)
 * @param evidenceWarningBefore how long before a dispute's evidence is due its host and support are warned (2 days)
 * @param chatDigestAfter      how long a chat message stays unread before its recipient, away, is told (10 minutes)
 * @param maxAttempts          sends per delivery before a transient failure counts as final
 * @param retryAfter           the wait before the first retry; it doubles with each attempt
 * @param phoneCodeTtl         how long a phone verification code is valid
 * @param phoneCodeAttempts    wrong codes allowed before a new one must be asked for
 * @param phoneCodesPerDay     verification codes a user may ask for per day
 * @param newBookingsWindow    after a booking is told to its host at once, how long those that follow wait to be told
 *                             together (5 minutes)
 */
@ConfigurationProperties("soiree.notifications")
public record NotificationsProperties(@Nullable URI publicBaseUrl, @Nullable List<Duration> reminderLeadTimes,
                                      @Nullable Duration holdWarningBefore, @Nullable Duration evidenceWarningBefore,
                                      @Nullable Duration chatDigestAfter, @Nullable Integer maxAttempts, @Nullable Duration retryAfter,
                                      @Nullable Duration phoneCodeTtl, @Nullable Integer phoneCodeAttempts,
                                      @Nullable Integer phoneCodesPerDay, @Nullable Duration newBookingsWindow) {

    public NotificationsProperties {
        publicBaseUrl = publicBaseUrl == null ? URI.create("http://localhost:8080") : publicBaseUrl;
        reminderLeadTimes = reminderLeadTimes == null ? List.of(Duration.ofHours(24), Duration.ofHours(1)) : List.copyOf(reminderLeadTimes);
        holdWarningBefore = holdWarningBefore == null ? Duration.ofMinutes(3) : holdWarningBefore;
        evidenceWarningBefore = evidenceWarningBefore == null ? Duration.ofDays(2) : evidenceWarningBefore;
        chatDigestAfter = chatDigestAfter == null ? Duration.ofMinutes(10) : chatDigestAfter;
        maxAttempts = maxAttempts == null ? 4 : maxAttempts;
        retryAfter = retryAfter == null ? Duration.ofSeconds(30) : retryAfter;
        phoneCodeTtl = phoneCodeTtl == null ? Duration.ofMinutes(10) : phoneCodeTtl;
        phoneCodeAttempts = phoneCodeAttempts == null ? 5 : phoneCodeAttempts;
        phoneCodesPerDay = phoneCodesPerDay == null ? 5 : phoneCodesPerDay;
        newBookingsWindow = newBookingsWindow == null ? Duration.ofMinutes(5) : newBookingsWindow;
    }

    /** A link into the platform for {@code path} (which starts with a slash). */
    public String link(String path) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
