package app.soiree.server.web;

import app.soiree.api.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks the path and the query string of every request before anything parses them: each must be
 * correctly percent-encoded UTF-8 (else 400 MALFORMED_REQUEST), and no decoded parameter name, value
 * or path segment may hold a control character ({@link InputRules}; else 400 VALIDATION_FAILED naming
 * the parameter). Without it, the container fails on a broken escape such as {@code %ZZ} and a NUL
 * byte reaches PostgreSQL, which refuses it: both were 500s.
 */
public class RequestLineFilter extends RequestFilter {

    private static final String PATH = "path";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = decode(request.getRequestURI(), false);
        if (path == null) {
            ProblemDetails.write(response, ProblemDetails.invalidFields(ErrorCode.MALFORMED_REQUEST, "The request path is not correctly encoded.",
                    List.of(new ProblemDetails.FieldError(PATH, "must be percent-encoded UTF-8"))));
            return;
        }
        if (!InputRules.isAcceptableText(path) || path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0 || path.indexOf('\t') >= 0) {
            ProblemDetails.write(response, ProblemDetails.invalidFields(ErrorCode.MALFORMED_REQUEST, "The request path holds control characters.",
                    List.of(new ProblemDetails.FieldError(PATH, "must not contain control characters"))));
            return;
        }
        String query = request.getQueryString();
        if (query != null && !query.isEmpty()) {
            List<ProblemDetails.FieldError> malformed = new ArrayList<>();
            List<ProblemDetails.FieldError> invalid = new ArrayList<>();
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String rawName = equals < 0 ? pair : pair.substring(0, equals);
                String name = decode(rawName, true);
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true);
                if (name == null || !InputRules.isAcceptableText(name)) {
                    malformed.add(new ProblemDetails.FieldError("query", "parameter names must be percent-encoded UTF-8 without control characters"));
                } else if (value == null) {
                    malformed.add(new ProblemDetails.FieldError(name, "must be percent-encoded UTF-8"));
                } else if (!InputRules.isAcceptableText(value)) {
                    invalid.add(new ProblemDetails.FieldError(name, InputRules.CONTROL_CHARACTER_MESSAGE));
                }
            }
            if (!malformed.isEmpty()) {
                ProblemDetails.write(response, ProblemDetails.invalidFields(ErrorCode.MALFORMED_REQUEST,
                        "The query string is not correctly encoded.", malformed));
                return;
            }
            if (!invalid.isEmpty()) {
                ProblemDetails.write(response, ProblemDetails.validation(invalid));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Strict percent-decoding into UTF-8; null when an escape is broken or the bytes are not UTF-8. */
    static @Nullable String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }
}
