package app.soiree.server.web;

import app.soiree.api.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;

/**
 * Caps every request body at {@code soiree.http.max-body-size} (default 1MB) without buffering it: a
 * declared {@code Content-Length} above the cap is refused before a byte is read, and a chunked body
 * is counted as it streams, failing the read at the first byte too many. Either way the answer is
 * 413 PAYLOAD_TOO_LARGE and nothing ran. Multipart uploads (dispute evidence) keep their own limits,
 * {@code spring.servlet.multipart.*}.
 */
public class RequestBodyLimitFilter extends RequestFilter {

    private final long maxBytes;

    public RequestBodyLimitFilter(DataSize maxBodySize) {
        this.maxBytes = maxBodySize.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response);
            return;
        }
        if (!mayStreamPastTheCap(request)) {
            chain.doFilter(request, response); // no wrapper for every later call on the request to pass through
            return;
        }
        LimitedBody limited = new LimitedBody(request, maxBytes);
        try {
            chain.doFilter(limited, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!limited.exceeded || response.isCommitted()) {
                throw failure;
            }
            response.reset();
            refuse(response);
        }
    }

    /**
     * Only a body of undeclared length needs counting: the container reads a declared one (here at most the cap) to its
     * length and no further, and an HTTP/1 request that declares neither a length nor a transfer coding has no body.
     */
    private static boolean mayStreamPastTheCap(HttpServletRequest request) {
        boolean declared = request.getContentLengthLong() >= 0;
        boolean noBody = request.getProtocol().startsWith("HTTP/1.") && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
        return !declared && !noBody;
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        // The rest of the body is not read: tell the client the connection ends with this answer.
        response.setHeader("Connection", "close");
        ProblemDetails.write(response, problem());
    }

    static ProblemDetail problem() {
        return ProblemDetails.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than this server accepts.");
    }

    /** Whether a failure, however wrapped (Jackson, Spring's converters), comes from a body over the cap. */
    static boolean exceeded(@Nullable Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, Boolean.TRUE) == null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    /** Thrown by a read that goes past the cap. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long maxBytes) {
            super("The request body is larger than " + maxBytes + " bytes");
        }
    }

    private static final class LimitedBody extends HttpServletRequestWrapper {

        private final long maxBytes;
        private @Nullable ServletInputStream stream;
        private volatile boolean exceeded;

        LimitedBody(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        private final class CountingStream extends ServletInputStream {

            private final ServletInputStream source;
            private long count;

            CountingStream(ServletInputStream source) {
                this.source = source;
            }

            @Override
            public int read() throws IOException {
                int b = source.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = source.read(buffer, offset, length);
                if (read > 0) {
                    counted(read);
                }
                return read;
            }

            private void counted(int bytes) throws IOException {
                count += bytes;
                if (count > maxBytes) {
                    exceeded = true;
                    throw new BodyTooLargeException(maxBytes);
                }
            }

            @Override
            public boolean isFinished() {
                return source.isFinished();
            }

            @Override
            public boolean isReady() {
                return source.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                source.setReadListener(listener);
            }
        }
    }
}
