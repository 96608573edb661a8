package app.soiree.command.notification;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.RateLimitedException;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.DeliveryOutcome;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proves that a user holds a phone number: a six-digit code goes to it by SMS, and the user types it back. Only a keyed
 * hash of the code is stored (HMAC-SHA256 under a random key of its own, over the user, the number and the code),
 * with its expiry ({@code soiree.notifications.phone-code-ttl}) and the wrong guesses it still allows
 * ({@code phone-code-attempts}); a user may ask for {@code phone-codes-per-day} codes in any 24 hours. Asking again
 * replaces the live code. Each user's requests and guesses are serialised by a transaction-scoped advisory lock.
 */
@Component
class PhoneVerification {

    private static final Logger log = LoggerFactory.getLogger(PhoneVerification.class);
    private static final Duration DAY = Duration.ofHours(24);
    private static final int CODE_DIGITS = 6;
    private static final int SALT_BYTES = 32;

    /** What became of a request for a code. */
    record Requested(String phone, Instant expiresAt) {
    }

    /** A wrong, expired or exhausted code: VERIFICATION_FAILED, saying how many guesses remain. */
    static final class VerificationFailed extends SoireeException {

        private final int attemptsLeft;

        VerificationFailed(String message, int attemptsLeft) {
            super(ErrorCode.VERIFICATION_FAILED, message);
            this.attemptsLeft = attemptsLeft;
        }

        int attemptsLeft() {
            return attemptsLeft;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final VerificationTexts texts;
    private final NotificationsProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PhoneVerification(JdbcTemplate jdbc, TransactionTemplate transactions, VerificationTexts texts, NotificationsProperties properties,
                      Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.texts = texts;
        this.properties = properties;
        this.clock = clock;
    }

    /** Stores a fresh code for {@code phone} (E.164, checked by the caller) and texts it; 429 beyond the daily limit. */
    Requested request(UserId userId, String phone) {
        String code = String.format("%0" + CODE_DIGITS + "d", random.nextInt((int) Math.pow(10, CODE_DIGITS)));
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.phoneCodeTtl());
        transactions.executeWithoutResult(status -> {
            lock(userId);
            jdbc.update("delete from phone_verification_requests where user_id = ? and requested_at <= ?", userId.value(),
                    Timestamp.from(now.minus(DAY)));
            List<Instant> recent = jdbc.query("select requested_at from phone_verification_requests where user_id = ? order by requested_at",
                    (rs, row) -> rs.getTimestamp(1).toInstant(), userId.value());
            if (recent.size() >= properties.phoneCodesPerDay()) {
                Duration retryAfter = Duration.between(now, recent.get(recent.size() - properties.phoneCodesPerDay()).plus(DAY));
                throw new RateLimitedException("At most " + properties.phoneCodesPerDay() + " verification codes a day; try again later",
                        retryAfter.isNegative() ? Duration.ofSeconds(1) : retryAfter);
            }
            jdbc.update("insert into phone_verification_requests (user_id, requested_at) values (?, ?)", userId.value(), Timestamp.from(now));
            jdbc.update("""
                    insert into phone_verification_codes (user_id, phone, code_salt, code_hash, expires_at, attempts_left)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (user_id) do update set phone = excluded.phone, code_salt = excluded.code_salt,
                        code_hash = excluded.code_hash, expires_at = excluded.expires_at, attempts_left = excluded.attempts_left""",
                    userId.value(), phone, salt, hash(salt, userId, phone, code), Timestamp.from(expiresAt), properties.phoneCodeAttempts());
        });
        DeliveryOutcome outcome = texts.sendVerificationText(phone, "Your Soiree verification code is " + code + ". It expires in "
                + properties.phoneCodeTtl().toMinutes() + " minutes. Do not share it.");
        switch (outcome.result()) {
            case SENT -> {
                return new Requested(phone, expiresAt);
            }
            case UNKNOWN -> {
                log.warn("A verification code to {} may or may not have gone: {}", outcome.destination(), outcome.detail());
                return new Requested(phone, expiresAt); // it may well arrive; asking again replaces it
            }
            case FAILED, SKIPPED -> {
                if (outcome.permanent()) {
                    log.info("A verification code could not go to {}: {} {}", outcome.destination(), outcome.errorCode(), outcome.detail());
                    throw new SoireeException(ErrorCode.VALIDATION_FAILED, "This number cannot receive text messages");
                }
                forgetLatest(userId);
                throw new SoireeException(ErrorCode.MESSAGING_PROVIDER_UNAVAILABLE,
                        "The text message could not be sent just now; try again in a moment");
            }
        }
        throw new IllegalStateException("Unhandled outcome " + outcome);
    }

    /** @return the number the code proves, once; the code is used up. A wrong guess costs one attempt. */
    String verify(UserId userId, String code) {
        Instant now = clock.instant();
        Guess guess = transactions.execute(status -> {
            lock(userId);
            List<StoredCode> stored = jdbc.query(
                    "select phone, code_salt, code_hash, expires_at, attempts_left from phone_verification_codes where user_id = ?",
                    (rs, row) -> new StoredCode(rs.getString(1), rs.getBytes(2), rs.getBytes(3), rs.getTimestamp(4).toInstant(), rs.getInt(5)),
                    userId.value());
            if (stored.isEmpty()) {
                return new Guess(null, 0, "No code is waiting for this account; ask for one with PUT /api/me/phone");
            }
            StoredCode live = stored.getFirst();
            if (!now.isBefore(live.expiresAt())) {
                jdbc.update("delete from phone_verification_codes where user_id = ?", userId.value());
                return new Guess(null, 0, "The code has expired; ask for a new one");
            }
            if (live.attemptsLeft() <= 0) {
                return new Guess(null, 0, "The code was tried too often; ask for a new one");
            }
            if (MessageDigest.isEqual(live.hash(), hash(live.salt(), userId, live.phone(), code))) {
                jdbc.update("delete from phone_verification_codes where user_id = ?", userId.value());
                return new Guess(live.phone(), live.attemptsLeft(), null);
            }
            int left = live.attemptsLeft() - 1;
            jdbc.update("update phone_verification_codes set attempts_left = ? where user_id = ?", left, userId.value());
            return new Guess(null, left, left == 0 ? "The code is wrong and was tried too often; ask for a new one"
                    : "The code is wrong; " + left + (left == 1 ? " attempt" : " attempts") + " left");
        });
        if (guess == null || guess.phone() == null) {
            throw new VerificationFailed(guess == null ? "The code could not be checked" : guess.problem(), guess == null ? 0 : guess.attemptsLeft());
        }
        return guess.phone();
    }

    private record StoredCode(String phone, byte[] salt, byte[] hash, Instant expiresAt, int attemptsLeft) {
    }

    private record Guess(@org.jspecify.annotations.Nullable String phone, int attemptsLeft, @org.jspecify.annotations.Nullable String problem) {
    }

    /** A request the provider could not take just now does not count against the day's codes, and leaves no code behind. */
    private void forgetLatest(UserId userId) {
        transactions.executeWithoutResult(status -> {
            lock(userId);
            jdbc.update("""
                    delete from phone_verification_requests where ctid = (select ctid from phone_verification_requests
                    where user_id = ? order by requested_at desc limit 1)""", userId.value());
            jdbc.update("delete from phone_verification_codes where user_id = ?", userId.value());
        });
    }

    private void lock(UserId userId) {
        jdbc.query("select pg_advisory_xact_lock(hashtextextended('phone-verification:' || ?, 0))", rs -> null, userId.toString());
    }

    private static byte[] hash(byte[] salt, UserId userId, String phone, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return mac.doFinal((userId + ":" + phone + ":" + code).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
