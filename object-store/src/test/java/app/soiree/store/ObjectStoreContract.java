package app.soiree.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link ObjectStore} promises, run against each implementation by a subclass. Every test writes under keys
 * of its own, so the tests share one store (and one S3 server) without stepping on each other.
 */
abstract class ObjectStoreContract {

    /** Large enough to need several reads and buffers on every path (5 MiB and a bit, not a round number). */
    static final int LARGE = 5 * 1024 * 1024 + 12_345;
    /** Enough for ranges well past any buffer's size, in a fifth of the time. */
    static final int MEDIUM = 1024 * 1024 + 4_321;

    String prefix;

    abstract ObjectStore store();

    /** Whether clients can fetch objects directly ({@link ObjectStore#signedUrl}) from this store. */
    abstract boolean servesSignedUrls();

    @BeforeEach
    void freshPrefix() {
        prefix = "contract/" + UUID.randomUUID() + "/";
    }

    @Test
    void aLargeObjectComesBackByteForByte() throws Exception {
        String key = prefix + "large.bin";

        // A stream without mark and reset, of a length known up front: nothing may read it twice or hold it whole.
        store().put(key, new PatternStream(LARGE), LARGE, "application/octet-stream");

        assertThat(store().sizeOf(key)).hasValue(LARGE);
        try (InputStream in = store().open(key)) {
            assertThat(sha256(in)).isEqualTo(sha256(new PatternStream(LARGE)));
        }
    }

    @Test
    void aRangeInTheMiddleIsExactlyThoseBytes() throws Exception {
        String key = prefix + "ranged.bin";
        store().put(key, new PatternStream(MEDIUM), MEDIUM, "application/octet-stream");

        try (InputStream in = store().open(key, 700_003, 70_000)) {
            assertThat(in.readAllBytes()).isEqualTo(PatternStream.bytes(700_003, 70_000));
        }
    }

    @Test
    void aRangeWithoutLengthRunsToTheEnd() throws Exception {
        String key = prefix + "tail.bin";
        store().put(key, new PatternStream(MEDIUM), MEDIUM, "application/octet-stream");

        try (InputStream in = store().open(key, MEDIUM - 99_999, -1)) {
            assertThat(in.readAllBytes()).isEqualTo(PatternStream.bytes(MEDIUM - 99_999, 99_999));
        }
    }

    @Test
    void aRangeReachingPastTheEndStopsAtTheEnd() throws Exception {
        String key = prefix + "short.txt";
        put(key, "0123456789");

        assertThat(read(key, 7, 100)).isEqualTo("789");
        assertThat(read(key, 0, 10)).isEqualTo("0123456789");
        assertThat(read(key, 10, -1)).isEmpty();
        assertThat(read(key, 15, 3)).isEmpty();
        assertThat(read(key, 3, 0)).isEmpty();
    }

    @Test
    void aPartlyReadObjectMayBeClosedAndTheStoreGoesOn() throws Exception {
        String key = prefix + "abandoned.bin";
        store().put(key, new PatternStream(MEDIUM), MEDIUM, "application/octet-stream");

        // More abandoned downloads than the HTTP client pools connections (50): none may stay taken.
        for (int i = 0; i < 60; i++) {
            try (InputStream in = store().open(key)) {
                assertThat(in.readNBytes(10)).isEqualTo(PatternStream.bytes(0, 10));
            }
        }
        assertThat(store().sizeOf(key)).hasValue(MEDIUM);
    }

    @Test
    void aMissingObjectCannotBeOpened() {
        String key = prefix + "missing.txt";

        assertThatThrownBy(() -> store().open(key)).isInstanceOf(NoSuchObjectException.class).hasMessageContaining(key);
        assertThatThrownBy(() -> store().open(key, 5, 10)).isInstanceOf(NoSuchObjectException.class);
        assertThatThrownBy(() -> store().open(key, 0, 0)).isInstanceOf(NoSuchObjectException.class);
    }

    @Test
    void theSizeIsThatOfThePresentObjectOnly() throws Exception {
        String key = prefix + "sized.txt";
        assertThat(store().sizeOf(key)).isEmpty();

        put(key, "twelve bytes");

        assertThat(store().sizeOf(key)).hasValue(12);
        assertThat(store().sizeOf(prefix + "other.txt")).isEmpty();
    }

    @Test
    void anEmptyObjectIsAnObject() throws Exception {
        String key = prefix + "empty";

        store().put(key, InputStream.nullInputStream(), 0, "text/plain");

        assertThat(store().sizeOf(key)).hasValue(0);
        assertThat(read(key, 0, -1)).isEmpty();
    }

    @Test
    void deletingTwiceIsHarmless() throws Exception {
        String key = prefix + "deleted.txt";
        put(key, "short-lived");

        store().delete(key);
        store().delete(key);

        assertThat(store().sizeOf(key)).isEmpty();
        assertThatThrownBy(() -> store().open(key)).isInstanceOf(NoSuchObjectException.class);
        store().delete(prefix + "never-there.txt");
    }

    @Test
    void aPutReplacesTheObject() throws Exception {
        String key = prefix + "replaced.txt";
        put(key, "the first, rather longer, version");

        put(key, "second");

        assertThat(read(key, 0, -1)).isEqualTo("second");
        assertThat(store().sizeOf(key)).hasValue(6);
    }

    @Test
    void keysWithFoldersAreKeys() throws Exception {
        put(prefix + "a/b/c/deep.txt", "deep");
        put(prefix + "a/b/beside.txt", "beside");

        assertThat(read(prefix + "a/b/c/deep.txt", 0, -1)).isEqualTo("deep");
        assertThat(read(prefix + "a/b/beside.txt", 0, -1)).isEqualTo("beside");
        assertThat(store().sizeOf(prefix + "a/b")).isEmpty();
    }

    @Test
    void aStreamShorterThanDeclaredIsNotStoredAndLeavesTheFormerObject() throws Exception {
        String key = prefix + "short-upload.txt";
        put(key, "kept");

        assertThatThrownBy(() -> store().put(key, new ByteArrayInputStream(new byte[50]), 100, "text/plain"))
                .isInstanceOf(IOException.class);

        assertThat(read(key, 0, -1)).isEqualTo("kept");
    }

    @Test
    void aStreamLongerThanDeclaredIsNotStoredAndLeavesTheFormerObject() throws Exception {
        String key = prefix + "long-upload.txt";
        put(key, "kept");

        assertThatThrownBy(() -> store().put(key, new ByteArrayInputStream(new byte[20]), 10, "text/plain"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> store().put(key, new ByteArrayInputStream(new byte[1]), 0, "text/plain"))
                .isInstanceOf(IOException.class);

        assertThat(read(key, 0, -1)).isEqualTo("kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../x", "a/../../x", "./x", "Upper/case.txt", "a//b", "a/", "/a", "a b", "a\\b", "ä.txt"})
    void aMalformedKeyIsRefusedByEveryOperation(String key) {
        byte[] content = "x".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> store().put(key, new ByteArrayInputStream(content), 1, "text/plain"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().open(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().sizeOf(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().delete(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().signedUrl(key, Duration.ofMinutes(1), "text/plain"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignedUrlServesTheBytesWhereTheStoreHasOne() throws Exception {
        String key = prefix + "signed.bin";
        store().put(key, new PatternStream(300_000), 300_000, "application/octet-stream");

        Optional<URI> url = store().signedUrl(key, Duration.ofMinutes(5), "image/png");

        if (!servesSignedUrls()) {
            assertThat(url).isEmpty();
            return;
        }
        assertThat(url).isPresent();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url.get()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(PatternStream.bytes(0, 300_000));
            // The type the URL was signed with, not the one stored.
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        }
    }

    void put(String key, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        store().put(key, new ByteArrayInputStream(bytes), bytes.length, "text/plain");
    }

    String read(String key, long offset, long length) throws IOException {
        try (InputStream in = store().open(key, offset, length)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        for (int read; (read = in.read(buffer)) >= 0; ) {
            digest.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * {@code length} bytes that depend on their position (a period of 251, a prime no buffer size lines up with, that
     * also shifts every 251 bytes), so a byte from the wrong offset shows; made as they are read: no array of the
     * whole, and no mark or reset.
     */
    static final class PatternStream extends InputStream {

        private final long length;
        private long position;

        PatternStream(long length) {
            this.length = length;
        }

        static byte byteAt(long position) {
            return (byte) ((position * 7 + position / 251) % 251);
        }

        static byte[] bytes(long offset, int count) {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++) {
                bytes[i] = byteAt(offset + i);
            }
            return bytes;
        }

        @Override
        public int read() {
            return position < length ? byteAt(position++) & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (count == 0) {
                return 0;
            }
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = byteAt(position++);
            }
            return n;
        }
    }
}
