package app.soiree.query.media;

import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.media.MediaId;
import app.soiree.api.media.MediaObjects;
import app.soiree.store.NoSuchObjectException;
import app.soiree.store.ObjectStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Reading media: what a medium is, and its bytes, for those who may see it ({@link MediaAccess}); 404 for everyone else.
 * Bytes stream from the object store with {@code Range} support, or, when the store can sign URLs (S3), the client is
 * sent to a URL valid for a few minutes, so large files never pass through the platform.
 */
@RestController
@Tag(name = "Media")
class MediaController {

    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final Duration SIGNED_URL_VALIDITY = Duration.ofMinutes(5);

    private final MediaAccess access;
    private final ObjectStore store;

    MediaController(MediaAccess access, ObjectStore store) {
        this.access = access;
        this.store = store;
    }

    @GetMapping("/api/media/{mediaId}")
    @Operation(summary = "A medium: status, kind, sizes, duration, variants (its uploader, or whoever may see what it is attached to)")
    MediaView medium(@PathVariable MediaId mediaId, @Nullable Authentication authentication) {
        UserId viewer = viewer(authentication);
        MediaRows.Row row = access.require(mediaId, viewer, isSupport(authentication));
        boolean uploader = viewer != null && viewer.value().equals(row.uploaderId());
        return uploader ? row.view() : withoutReason(row.view());
    }

    @GetMapping("/api/media/{mediaId}/content")
    @Operation(summary = "A medium's bytes (?variant=original|display|thumbnail; Range supported), or 302 to a short-lived signed URL")
    ResponseEntity<StreamingResponseBody> content(@PathVariable MediaId mediaId, @RequestParam(defaultValue = "original") String variant,
                                                  @RequestHeader(name = HttpHeaders.RANGE, required = false) @Nullable String range,
                                                  @Nullable Authentication authentication) {
        MediaRows.Row row = access.require(mediaId, viewer(authentication), isSupport(authentication));
        MediaView.Variant chosen = row.view().variants().stream().filter(v -> v.name().equals(variant)).findFirst()
                .orElseThrow(() -> SoireeException.notFound("Variant " + variant + " of media " + mediaId));
        String key = MediaObjects.variant(mediaId, chosen.name());
        CacheControl cache = CacheControl.maxAge(Duration.ofHours(1)).cachePrivate();
        Optional<URI> signed = store.signedUrl(key, SIGNED_URL_VALIDITY, chosen.contentType());
        if (signed.isPresent()) {
            return ResponseEntity.status(HttpStatus.FOUND).location(signed.get()).cacheControl(CacheControl.noStore()).build();
        }
        long size = chosen.sizeBytes();
        long start = 0;
        long end = size - 1;
        HttpStatus status = HttpStatus.OK;
        Matcher matcher = range == null ? null : SINGLE_RANGE.matcher(range.strip());
        if (matcher != null && matcher.matches() && !(matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            if (matcher.group(1).isEmpty()) { // the last N bytes
                start = Math.max(0, size - Long.parseLong(matcher.group(2)));
            } else {
                start = Long.parseLong(matcher.group(1));
                end = matcher.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(matcher.group(2)));
            }
            if (start >= size || start > end) {
                return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE).header(HttpHeaders.CONTENT_RANGE, "bytes */" + size).build();
            }
            status = HttpStatus.PARTIAL_CONTENT;
        }
        long from = start;
        long length = end - start + 1;
        StreamingResponseBody body = out -> {
            try (InputStream in = store.open(key, from, length)) {
                in.transferTo(out);
            } catch (NoSuchObjectException e) {
                throw new UncheckedIOException(e); // deleted between the check and the read: the response ends short
            }
        };
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.parseMediaType(chosen.contentType()))
                .contentLength(length).cacheControl(cache).header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header("X-Content-Type-Options", "nosniff").header(HttpHeaders.CONTENT_DISPOSITION, "inline");
        if (status == HttpStatus.PARTIAL_CONTENT) {
            response.header(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size);
        }
        return response.body(body);
    }

    private static MediaView withoutReason(MediaView view) {
        return new MediaView(view.mediaId(), view.status(), view.kind(), view.contentType(), view.sizeBytes(), view.width(), view.height(),
                view.durationMs(), view.waveform(), view.variants(), null);
    }

    private static @Nullable UserId viewer(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        try {
            return UserId.of(authentication.getName());
        } catch (IllegalArgumentException notAUserId) {
            return null;
        }
    }

    private static boolean isSupport(@Nullable Authentication authentication) {
        return viewer(authentication) != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + Role.SUPPORT.name()).equals(authority.getAuthority()));
    }
}
