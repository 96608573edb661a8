package app.soiree.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.MediaSamples;
import app.soiree.server.support.Uploads;
import app.soiree.store.ObjectStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Uploads through the API with real files: what is accepted, what a client gets back, and who may fetch it. */
@IntegrationTest
class MediaApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectStore store;
    Api api;
    Uploads uploads;
    Session ana;
    Session ben;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        uploads = new Uploads(port);
        ana = api.newUser("Ana");
        ben = api.newUser("Ben");
    }

    @Test
    void aPhoneJpegIsServedUprightWithoutItsExifOrPosition() throws IOException {
        byte[] photo = MediaSamples.sidewaysPhotoWithGps();
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif").contains(MediaSamples.LOCATION);

        Response uploaded = uploads.uploadMedia(ana.accessToken(), "CHAT_IMAGE", "holiday.jpg", "image/jpeg", photo).expectStatus(201);
        assertThat(uploaded.json().get("status").asString()).isEqualTo("PROCESSING");
        assertThat(uploaded.json().get("kind").asString()).isEqualTo("IMAGE");
        assertThat(uploaded.json().get("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(uploaded.json().get("sizeBytes").asLong()).isEqualTo(photo.length);

        JsonNode ready = awaitStatus(ana, id(uploaded), "READY");
        assertThat(ready.get("width").asInt()).isEqualTo(20);
        assertThat(ready.get("height").asInt()).isEqualTo(40);
        assertThat(ready.get("variants")).extracting(variant -> variant.get("name").asString())
                .containsExactly("original", "display", "thumbnail");

        for (String variant : List.of("original", "display", "thumbnail")) {
            HttpResponse<byte[]> served = uploads.download("/api/media/" + id(uploaded) + "/content?variant=" + variant, ana.accessToken());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            String bytes = new String(served.body(), StandardCharsets.ISO_8859_1);
            assertThat(bytes).doesNotContain("Exif").doesNotContain(MediaSamples.LOCATION).doesNotContain("52.37");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.body()));
            assertThat(image.getWidth()).isEqualTo(20);
            assertThat(image.getHeight()).isEqualTo(40);
            assertThat(redness(image.getRGB(10, 5))).as("red on top once upright").isPositive();
            assertThat(redness(image.getRGB(10, 35))).as("blue below").isNegative();
        }
        // the raw upload, which still holds the position, is gone once processed
        assertThat(store.sizeOf("media/" + id(uploaded) + "/upload")).isEmpty();
    }

    @Test
    void pngKeepsItsTransparencyAndWebpIsRead() {
        Response png = uploads.uploadMedia(ana.accessToken(), "CHAT_IMAGE", "drawing.png", "image/png", MediaSamples.transparentPng())
                .expectStatus(201);
        JsonNode pngReady = awaitStatus(ana, id(png), "READY");
        assertThat(pngReady.get("variants").get(0).get("contentType").asString()).isEqualTo("image/png");
        assertThat(pngReady.get("width").asInt()).isEqualTo(30);

        Response webp = uploads.uploadMedia(ana.accessToken(), "AVATAR", "me.webp", "application/octet-stream", MediaSamples.webp())
                .expectStatus(201);
        assertThat(webp.json().get("contentType").asString()).isEqualTo("image/webp");
        JsonNode webpReady = awaitStatus(ana, id(webp), "READY");
        assertThat(webpReady.get("width").asInt()).isEqualTo(1);
    }

    @Test
    void voiceNotesGetTheirDurationAWaveformAndLoseTheirTags() {
        Response m4a = uploads.uploadMedia(ana.accessToken(), "VOICE_NOTE", "note.m4a", "audio/x-m4a", MediaSamples.m4a(2_500))
                .expectStatus(201);
        assertThat(m4a.json().get("kind").asString()).isEqualTo("VOICE_NOTE");
        JsonNode m4aReady = awaitStatus(ana, id(m4a), "READY");
        assertThat(m4aReady.get("durationMs").asLong()).isEqualTo(2_500);
        assertThat(m4aReady.get("waveform")).hasSize(64).anySatisfy(point -> assertThat(point.asInt()).isEqualTo(100));
        assertThat(new String(original(ana, id(m4a)), StandardCharsets.ISO_8859_1)).doesNotContain(MediaSamples.LOCATION).contains("ftypM4A");

        Response ogg = uploads.uploadMedia(ana.accessToken(), "VOICE_NOTE", "note.ogg", "audio/ogg", MediaSamples.oggOpus(3_000))
                .expectStatus(201);
        assertThat(ogg.json().get("contentType").asString()).isEqualTo("audio/ogg");
        JsonNode oggReady = awaitStatus(ana, id(ogg), "READY");
        assertThat(oggReady.get("durationMs").asLong()).isEqualTo(3_000);
        assertThat(new String(original(ana, id(ogg)), StandardCharsets.ISO_8859_1)).doesNotContain("LOCATION").contains("OpusHead");

        Response webm = uploads.uploadMedia(ana.accessToken(), "VOICE_NOTE", "note.webm", "audio/webm", MediaSamples.webmOpus(3_000))
                .expectStatus(201);
        assertThat(webm.json().get("contentType").asString()).isEqualTo("audio/webm");
        JsonNode webmReady = awaitStatus(ana, id(webm), "READY");
        assertThat(webmReady.get("durationMs").asLong()).isEqualTo(3_000);
        assertThat(new String(original(ana, id(webm)), StandardCharsets.ISO_8859_1)).doesNotContain(MediaSamples.LOCATION).contains("A_OPUS");
    }

    @Test
    void theTypeComesFromTheBytesAndTheSizeFromThePurpose() {
        Response text = uploads.uploadMedia(ana.accessToken(), "CHAT_IMAGE", "cat.png", "image/png", MediaSamples.text());
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.code()).isEqualTo("MEDIA_TYPE_NOT_ALLOWED");
        assertThat(text.header("Content-Type")).startsWith("application/problem+json");

        Response imageAsVoice = uploads.uploadMedia(ana.accessToken(), "VOICE_NOTE", "x.m4a", "audio/mp4", MediaSamples.png(2, 2));
        assertThat(imageAsVoice.code()).isEqualTo("MEDIA_TYPE_NOT_ALLOWED");

        byte[] sixMegabytes = new byte[6 * 1024 * 1024];
        Response bigAvatar = uploads.uploadMedia(ana.accessToken(), "AVATAR", "me.png", "image/png", sixMegabytes);
        assertThat(bigAvatar.status()).isEqualTo(413);
        assertThat(bigAvatar.code()).isEqualTo("MEDIA_TOO_LARGE");

        Response tooLargeForAnything = uploads.uploadMedia(ana.accessToken(), "CHAT_IMAGE", "huge.png", "image/png",
                new byte[16 * 1024 * 1024]);
        assertThat(tooLargeForAnything.status()).isEqualTo(413);
        assertThat(tooLargeForAnything.code()).isEqualTo("MEDIA_TOO_LARGE");
        assertThat(tooLargeForAnything.header("Content-Type")).startsWith("application/problem+json");

        assertThat(uploads.uploadMedia(ana.accessToken(), "BANNER", "x.png", "image/png", MediaSamples.png(2, 2)).status()).isEqualTo(400);
        assertThat(uploads.uploadMedia(null, "AVATAR", "x.png", "image/png", MediaSamples.png(2, 2)).status()).isEqualTo(401);
    }

    @Test
    void aDecompressionBombIsRejectedWithoutBeingDecoded() {
        Response bomb = uploads.uploadMedia(ana.accessToken(), "CHAT_IMAGE", "bomb.png", "image/png", MediaSamples.decompressionBomb())
                .expectStatus(201);
        JsonNode rejected = awaitStatus(ana, id(bomb), "REJECTED");
        assertThat(rejected.get("reason").asString()).contains("megapixels");
        assertThat(uploads.download("/api/media/" + id(bomb) + "/content", ana.accessToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheUploaderSeesAnUnattachedUploadAndAnyoneAnAvatar() {
        Response upload = uploads.uploadMedia(ana.accessToken(), "AVATAR", "me.png", "image/png", MediaSamples.png(64, 64)).expectStatus(201);
        String mediaId = id(upload);
        awaitStatus(ana, mediaId, "READY");
        assertThat(api.get("/api/media/" + mediaId, ben.accessToken()).status()).isEqualTo(404);
        assertThat(uploads.download("/api/media/" + mediaId + "/content", null).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/media/" + UUID.randomUUID(), ana.accessToken()).status()).isEqualTo(404);

        // someone else's medium cannot be shown as one's own avatar
        assertThat(api.put("/api/me/avatar", ben.accessToken(), Map.of("mediaId", mediaId)).status()).isEqualTo(404);
        api.put("/api/me/avatar", ana.accessToken(), Map.of("mediaId", mediaId)).expectStatus(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(uploads.download("/api/media/" + mediaId + "/content?variant=thumbnail", null).statusCode()).isEqualTo(200));
        assertThat(api.get("/api/media/" + mediaId, ben.accessToken()).status()).isEqualTo(200);
        // attached: its uploader can no longer delete it on its own
        assertThat(api.delete("/api/media/" + mediaId, ana.accessToken()).status()).isEqualTo(409);

        // a new avatar replaces the old one, which is deleted with its bytes
        Response next = uploads.uploadMedia(ana.accessToken(), "AVATAR", "me2.png", "image/png", MediaSamples.png(32, 32)).expectStatus(201);
        awaitStatus(ana, id(next), "READY");
        api.put("/api/me/avatar", ana.accessToken(), Map.of("mediaId", id(next))).expectStatus(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/api/media/" + mediaId, ana.accessToken()).status()).isEqualTo(404));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(store.sizeOf("media/" + mediaId + "/original")).isEmpty());
    }

    @Test
    void contentSupportsRanges() {
        Response upload = uploads.uploadMedia(ana.accessToken(), "VOICE_NOTE", "note.m4a", "audio/mp4", MediaSamples.m4a(1_000))
                .expectStatus(201);
        awaitStatus(ana, id(upload), "READY");
        byte[] whole = original(ana, id(upload));

        HttpResponse<byte[]> part = uploads.download("/api/media/" + id(upload) + "/content", ana.accessToken(), "bytes=4-11");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 4-11/" + whole.length);
        assertThat(new String(part.body(), StandardCharsets.ISO_8859_1)).isEqualTo("ftypM4A ");

        HttpResponse<byte[]> tail = uploads.download("/api/media/" + id(upload) + "/content", ana.accessToken(), "bytes=-10");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).hasSize(10);

        HttpResponse<byte[]> beyond = uploads.download("/api/media/" + id(upload) + "/content", ana.accessToken(),
                "bytes=" + whole.length + "-");
        assertThat(beyond.statusCode()).isEqualTo(416);
    }

    @Test
    void anUploadNobodyAttachesIsPurged() throws IOException {
        Response upload = uploads.uploadMedia(ana.accessToken(), "CHAT_IMAGE", "x.png", "image/png", MediaSamples.png(8, 8)).expectStatus(201);
        awaitStatus(ana, id(upload), "READY");
        assertThat(store.sizeOf("media/" + id(upload) + "/original")).isPresent();
        // the test profile purges after 20 s (soiree.media.unattached-ttl)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(api.get("/api/media/" + id(upload), ana.accessToken()).status()).isEqualTo(404));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(store.sizeOf("media/" + id(upload) + "/original")).isEmpty());
    }

    @Test
    void anUnattachedUploadIsDeletedByItsUploaderOnly() {
        Response upload = uploads.uploadMedia(ana.accessToken(), "CHAT_IMAGE", "x.png", "image/png", MediaSamples.png(8, 8)).expectStatus(201);
        awaitStatus(ana, id(upload), "READY");
        assertThat(api.delete("/api/media/" + id(upload), ben.accessToken()).status()).isEqualTo(404);
        api.delete("/api/media/" + id(upload), ana.accessToken()).expectStatus(204);
        api.delete("/api/media/" + id(upload), ana.accessToken()).expectStatus(204); // again: nothing left to do
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/api/media/" + id(upload), ana.accessToken()).status()).isEqualTo(404));
    }

    @Test
    void aDayHasAQuota() {
        Session busy = api.newUser("Busy");
        for (int i = 0; i < 40; i++) {
            uploads.uploadMedia(busy.accessToken(), "CHAT_IMAGE", "x.png", "image/png", MediaSamples.png(2, 2)).expectStatus(201);
        }
        Response over = uploads.uploadMedia(busy.accessToken(), "CHAT_IMAGE", "x.png", "image/png", MediaSamples.png(2, 2));
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.code()).isEqualTo("MEDIA_QUOTA_EXCEEDED");
    }

    private byte[] original(Session session, String mediaId) {
        HttpResponse<byte[]> served = uploads.download("/api/media/" + mediaId + "/content", session.accessToken());
        assertThat(served.statusCode()).isEqualTo(200);
        return served.body();
    }

    private JsonNode awaitStatus(Session session, String mediaId, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/api/media/" + mediaId, session.accessToken()).expectStatus(200).json().get("status").asString())
                        .isEqualTo(status));
        return api.get("/api/media/" + mediaId, session.accessToken()).json();
    }

    private static String id(Response upload) {
        return upload.json().get("mediaId").asString();
    }

    /** Red minus blue: positive for a red pixel, negative for a blue one. */
    private static int redness(int rgb) {
        return ((rgb >> 16) & 0xff) - (rgb & 0xff);
    }
}
