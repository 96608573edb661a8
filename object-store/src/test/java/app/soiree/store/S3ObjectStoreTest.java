package app.soiree.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract on an S3 wire-protocol server (Adobe's S3Mock, in a JVM of its own, see {@link S3MockServer}), through the
 * real SDK and its HTTP client: path-style addressing, an endpoint override and only the checksums S3 requires, as for
 * MinIO.
 */
class S3ObjectStoreTest extends ObjectStoreContract {

    static S3MockServer server;
    static S3ObjectStore store;

    @BeforeAll
    static void connect() throws Exception {
        server = S3MockLifecycle.server();
        store = new S3ObjectStore(server.properties(S3MockServer.BUCKET, false));
    }

    /** The server stops when the run ends (S3MockLifecycle). */
    @AfterAll
    static void disconnect() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    ObjectStore store() {
        return store;
    }

    @Override
    boolean servesSignedUrls() {
        return true;
    }

    @Test
    void aMissingBucketIsCreatedAtStartWhenAsked() throws Exception {
        try (S3ObjectStore created = new S3ObjectStore(server.properties("created-at-start", true));
             S3ObjectStore again = new S3ObjectStore(server.properties("created-at-start", true))) {
            byte[] bytes = "in a bucket of its own".getBytes(StandardCharsets.UTF_8);
            created.put("made.txt", new ByteArrayInputStream(bytes), bytes.length, "text/plain");

            assertThat(again.sizeOf("made.txt")).hasValue(bytes.length);
        }
    }

    /** (Not so for {@code sizeOf}: S3 answers a HEAD with a bare 404 whether the key or the bucket is missing.) */
    @Test
    void aMissingBucketIsAFailureNotAMissingObject() {
        try (S3ObjectStore nowhere = new S3ObjectStore(server.properties("no-such-bucket", false))) {
            assertThatThrownBy(() -> nowhere.open("any.txt"))
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(NoSuchObjectException.class)
                    .hasMessageContaining("no-such-bucket");
            assertThatThrownBy(() -> nowhere.put("any.txt", new ByteArrayInputStream(new byte[1]), 1, "text/plain"))
                    .isInstanceOf(IOException.class);
        }
    }
}
