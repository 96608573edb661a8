package app.soiree.server.idempotency;

import static app.soiree.api.Idempotency.KEY_HEADER;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.KnownRefusals;
import app.soiree.api.error.SoireeException;
import app.soiree.server.security.Actors;
import app.soiree.server.web.ProblemDetails;
import app.soiree.server.web.RequestFilter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Stripe's semantics for {@code Idempotency-Key} on every authenticated POST under {@code /api}: the
 * same key with the same request is answered with the first response again (without running it
 * twice); the same key with a different request is 409 {@code IDEMPOTENCY_KEY_REUSED}; while the
 * first is still running, 409 {@code IDEMPOTENCY_KEY_IN_USE}. Server failures (5xx) are not
 * remembered, so a retry runs again, as does one whose first answer a crash kept from being remembered (once its
 * claim counts as abandoned): the writes that must not happen twice (bookings, messages, payouts, promotions) take
 * their ids from the key, and so find what the first attempt made. Keys are scoped to the signed-in user and
 * forgotten after a day ({@link ExpiredKeys}).
 */
@Component
class IdempotencyFilter extends RequestFilter {

    static final int MAX_KEY_LENGTH = 255;
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** The refusals' answers kept written ({@link #refusalAnswer}). */
    static final int MAX_REFUSALS_KEPT = 256;
    /** Writes that must not happen twice by accident: a key is required. */
    private static final List<Pattern> KEY_REQUIRED = List.of(
            Pattern.compile("/api/bookings"),
            Pattern.compile("/api/bookings/[^/]+/cancel"),
            Pattern.compile("/api/payouts"),
            Pattern.compile("/api/gatherings/[^/]+/promotions"),
            Pattern.compile("/api/conversations/[^/]+/messages"));

    private final IdempotencyStore store;
    private final List<KnownRefusals> knownRefusals;
    private final Cache<RefusalKey, Refusal> refusals = Caffeine.newBuilder().maximumSize(MAX_REFUSALS_KEPT).build();

    IdempotencyFilter(IdempotencyStore store, List<KnownRefusals> knownRefusals) {
        this.store = store;
        this.knownRefusals = knownRefusals;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(KEY_HEADER);
        // The request's principal is what this application's filter chain authenticated (see ActorArgumentResolver).
        String userId = Actors.from(request.getUserPrincipal() instanceof Authentication authentication ? authentication : null)
                .map(actor -> actor.userId().toString()).orElse(null);
        boolean required = KEY_REQUIRED.stream().anyMatch(p -> p.matcher(request.getRequestURI()).matches());
        // A multipart upload is never buffered here (it may be megabytes): its key is not remembered, and a retried upload is
        // a second upload, which is purged unless it is attached (soiree.media.unattached-ttl).
        boolean upload = request.getContentType() != null && request.getContentType().startsWith("multipart/");
        if (userId == null || (!required && (key == null || upload))) {
            chain.doFilter(request, response);
            return;
        }
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            ProblemDetails.write(response, ProblemDetails.invalidFields(ErrorCode.IDEMPOTENCY_KEY_REQUIRED, List.of(
                    new ProblemDetails.FieldError(KEY_HEADER, "an Idempotency-Key header of 1 to " + MAX_KEY_LENGTH
                            + " characters is required for this request"))));
            return;
        }
        byte[] body = bodyWithinLimit(request);
        if (body == null) {
            ProblemDetails.write(response, ProblemDetails.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than this server accepts."));
            return;
        }
        String requestHash = hash(request.getMethod() + " " + request.getRequestURI() + "\n", body);

        if (refusedAtOnce(request, response, userId, key, requestHash, body)) {
            return;
        }
        if (!store.claim(userId, key, requestHash)) {
            answerFromMemory(userId, key, requestHash, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean remembered = false;
        try {
            chain.doFilter(new ReplayableBody(request, body), recorded);
            if (recorded.getStatus() < 500) {
                store.complete(userId, key, recorded.getStatus(), recorded.getContentType(), recorded.getContentAsByteArray());
                remembered = true;
            }
        } finally {
            if (!remembered) {
                store.release(userId, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    /**
     * A request this node can refuse without running it ({@link KnownRefusals}) is answered here, its refusal remembered as
     * the key's answer in the same statement that finds the key new. A key already known (a retry of a booking that got
     * its seats, a key reused for another request) is not refused here: it takes the usual way below, which answers it
     * from what the key remembers.
     */
    private boolean refusedAtOnce(HttpServletRequest request, HttpServletResponse response, String userId, String key,
                                  String requestHash, byte[] body) throws IOException {
        SoireeException refusal = null;
        for (KnownRefusals known : knownRefusals) {
            refusal = known.refusalOf(request.getRequestURI(), body).orElse(null);
            if (refusal != null) {
                break;
            }
        }
        if (refusal == null) {
            return false;
        }
        Refusal answer = refusalAnswer(refusal.code(), refusal.getMessage(), request.getRequestURI());
        if (!store.rememberRefusal(userId, key, requestHash, answer.status(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, answer.body())) {
            return false;
        }
        response.setStatus(answer.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(answer.body());
        return true;
    }

    /**
     * The answer's JSON, written once for each refusal that differs (a few: a tier's sold out says how many seats are left)
     * and kept, where nine guests in ten of a rush each had theirs built and written anew. Kept for a few hundred at most:
     * beyond, the least used are forgotten and written again when asked for.
     */
    private Refusal refusalAnswer(ErrorCode code, @Nullable String detail, String path) {
        return refusals.get(new RefusalKey(code, detail, path), IdempotencyFilter::written);
    }

    private static Refusal written(RefusalKey refusal) {
        ProblemDetail problem = ProblemDetails.of(refusal.code(), refusal.detail());
        problem.setInstance(URI.create(refusal.path()));
        return new Refusal(problem.getStatus(), ProblemDetails.json(problem));
    }

    private record RefusalKey(ErrorCode code, @Nullable String detail, String path) {
    }

    /** Never written to once made: the same array is the answer of every request refused so. */
    private record Refusal(int status, byte[] body) {
    }

    private void answerFromMemory(String userId, String key, String requestHash, HttpServletResponse response) throws IOException {
        IdempotencyStore.Remembered remembered = store.find(userId, key).orElse(null);
        if (remembered != null && !remembered.requestHash().equals(requestHash)) {
            ProblemDetails.write(response, ProblemDetails.of(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request"));
        } else if (remembered == null || !remembered.done()) {
            ProblemDetails.write(response, ProblemDetails.of(ErrorCode.IDEMPOTENCY_KEY_IN_USE,
                    "A request with this Idempotency-Key is still being processed; retry shortly"));
        } else {
            response.setStatus(remembered.status());
            if (remembered.contentType() != null) {
                response.setContentType(remembered.contentType());
            }
            response.setHeader("Idempotent-Replayed", "true");
            if (remembered.body() != null) {
                response.getOutputStream().write(remembered.body());
            }
        }
    }

    private static String hash(String prefix, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prefix.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The body; null when it is larger than {@link #MAX_BODY_BYTES} (a declared length larger than that is refused
     * unread). A declared length is read into an array of that size, where reading up to the limit allocated a buffer of
     * 16 KiB for every request; Tomcat reads no further than the declared length. A body sent in chunks declares none
     * and is read up to one byte past the limit.
     */
    private static byte @Nullable [] bodyWithinLimit(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            return null;
        }
        byte[] body = request.getInputStream().readNBytes(declared >= 0 ? (int) declared : MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    /** The request again, with the body this filter already read available to the controller. */
    private static final class ReplayableBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayableBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream source = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return source.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return source.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return source.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
