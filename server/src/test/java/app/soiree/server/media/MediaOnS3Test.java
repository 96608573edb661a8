package app.soiree.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.FreshDataDirectory;
import app.soiree.server.support.MediaSamples;
import app.soiree.server.support.Uploads;
import app.soiree.store.ObjectStore;
import app.soiree.store.S3MockServer;
import app.soiree.store.S3ObjectStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same media code on an S3-compatible store (Adobe's S3Mock, a real S3 wire-protocol server in its own JVM): uploads
 * land in the bucket, processing reads and writes there, and content is answered with a redirect to a signed URL that
 * serves the stripped bytes straight from the store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = FreshDataDirectory.class)
class MediaOnS3Test {

    private static S3MockServer s3;

    @LocalServerPort
    int port;
    @Autowired
    ObjectStore store;

    @DynamicPropertySource
    static void onS3(DynamicPropertyRegistry registry) throws IOException, InterruptedException {
        s3 = S3MockServer.start();
        registry.add("soiree.storage.type", () -> "s3");
        registry.add("soiree.storage.s3.endpoint", () -> s3.endpoint().toString());
        registry.add("soiree.storage.s3.region", () -> "us-east-1");
        registry.add("soiree.storage.s3.bucket", () -> "soiree-media-test");
        registry.add("soiree.storage.s3.create-bucket", () -> "true");
        registry.add("soiree.storage.s3.path-style", () -> "true");
        registry.add("soiree.storage.s3.access-key", () -> S3MockServer.ACCESS_KEY);
        registry.add("soiree.storage.s3.secret-key", () -> S3MockServer.SECRET_KEY);
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void aPhotoIsProcessedInTheBucketAndServedThroughASignedUrl() throws Exception {
        assertThat(store).isInstanceOf(S3ObjectStore.class);
        Api api = new Api(port);
        Uploads uploads = new Uploads(port);
        Session ana = api.newUser("Ana");
        String mediaId = uploads.uploadMedia(ana.accessToken(), "CHAT_IMAGE", "photo.jpg", "image/jpeg", MediaSamples.sidewaysPhotoWithGps())
                .expectStatus(201).json().get("mediaId").asString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.get("/api/media/" + mediaId, ana.accessToken()).json().get("status").asString()).isEqualTo("READY"));
        assertThat(store.sizeOf("media/" + mediaId + "/display")).isPresent();

        HttpResponse<byte[]> answer = uploads.download("/api/media/" + mediaId + "/content?variant=display", ana.accessToken());
        assertThat(answer.statusCode()).isEqualTo(302);
        URI signed = URI.create(answer.headers().firstValue("Location").orElseThrow());
        assertThat(signed.toString()).startsWith(s3.endpoint().toString()).contains("X-Amz-Signature");

        HttpResponse<byte[]> fromStore = HttpClient.newHttpClient().send(HttpRequest.newBuilder(signed).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fromStore.statusCode()).isEqualTo(200);
        assertThat(fromStore.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(new String(fromStore.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain(MediaSamples.LOCATION);
        // and nobody else is sent anywhere
        assertThat(uploads.download("/api/media/" + mediaId + "/content", api.newUser("Stranger").accessToken()).statusCode()).isEqualTo(404);
    }
}
