package app.soiree.server.media;

import static app.soiree.server.support.Gatherings.gathering;
import static app.soiree.server.support.Gatherings.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.MediaSamples;
import app.soiree.server.support.Stomp;
import app.soiree.server.support.Uploads;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Media where people see them: in chat messages, as avatars, as gathering covers. */
@IntegrationTest
class MediaAttachmentsApiTest {

    @LocalServerPort
    int port;
    Api api;
    Uploads uploads;
    Session ana;
    Session ben;
    Session stranger;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        uploads = new Uploads(port);
        ana = api.newUser("Ana");
        ben = api.newUser("Ben");
        stranger = api.newUser("Stranger");
    }

    @Test
    void membersFetchAChatImageAndAVoiceNoteAndNobodyElseDoes() {
        String conversation = api.post("/api/conversations", ana.accessToken(), Map.of("title", "Trip", "memberIds", List.of(ben.userId())))
                .expectStatus(201).json().get("conversationId").asString();
        String image = ready(ana, "CHAT_IMAGE", "photo.jpg", MediaSamples.sidewaysPhotoWithGps());
        String voice = ready(ana, "VOICE_NOTE", "note.m4a", MediaSamples.m4a(4_000));

        // a medium that is not one's own, or not of the message's kind, is refused and stays free to send
        assertThat(post(ben, conversation, Map.of("type", "IMAGE", "mediaIds", List.of(image))).status()).isEqualTo(404);
        assertThat(post(ana, conversation, Map.of("type", "IMAGE", "mediaIds", List.of(voice))).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post(stranger, conversation, Map.of("type", "IMAGE", "mediaIds", List.of(image))).status()).isIn(403, 404);

        String imageMessage = post(ana, conversation, Map.of("type", "IMAGE", "text", "Look!", "mediaIds", List.of(image)))
                .expectStatus(201).json().get("messageId").asString();
        post(ana, conversation, Map.of("type", "VOICE_NOTE", "mediaIds", List.of(voice))).expectStatus(201);
        // attached to one message, it cannot be sent again in another
        assertThat(post(ana, conversation, Map.of("type", "IMAGE", "mediaIds", List.of(image))).code()).isEqualTo("MEDIA_ALREADY_ATTACHED");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode messages = api.get("/api/conversations/" + conversation + "/messages", ben.accessToken()).expectStatus(200).json();
            JsonNode voiceShown = messages.get("items").get(0).get("media").get(0);
            assertThat(voiceShown.get("kind").asString()).isEqualTo("VOICE_NOTE");
            assertThat(voiceShown.get("durationMs").asLong()).isEqualTo(4_000);
            JsonNode imageShown = messages.get("items").get(1).get("media").get(0);
            assertThat(imageShown.get("mediaId").asString()).isEqualTo(image);
            assertThat(imageShown.get("kind").asString()).isEqualTo("IMAGE");
            assertThat(imageShown.get("width").asInt()).isEqualTo(20);
            assertThat(uploads.download("/api/media/" + image + "/content?variant=thumbnail", ben.accessToken()).statusCode()).isEqualTo(200);
        });
        assertThat(uploads.download("/api/media/" + voice + "/content", ben.accessToken()).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/media/" + image, stranger.accessToken()).status()).isEqualTo(404);
        assertThat(uploads.download("/api/media/" + image + "/content", stranger.accessToken()).statusCode()).isEqualTo(404);
        assertThat(uploads.download("/api/media/" + image + "/content", null).statusCode()).isEqualTo(404);

        // deleting the message deletes its media
        api.delete("/api/messages/" + imageMessage, ana.accessToken()).expectStatus(204);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(api.get("/api/media/" + image, ana.accessToken()).status()).isEqualTo(404);
            assertThat(uploads.download("/api/media/" + image + "/content", ben.accessToken()).statusCode()).isEqualTo(404);
        });
    }

    @Test
    void aRefusedMessageLeavesItsMediaFreeToSendAgain() {
        String conversation = api.post("/api/conversations", ana.accessToken(), Map.of("title", "Slow", "memberIds", List.of(ben.userId())))
                .expectStatus(201).json().get("conversationId").asString();
        api.patch("/api/conversations/" + conversation, ana.accessToken(), Map.of("slowModeSeconds", 3600)).expectStatus(200);
        String image = ready(ben, "CHAT_IMAGE", "x.png", MediaSamples.png(10, 10));
        post(ben, conversation, Map.of("type", "TEXT", "text", "first")).expectStatus(201);
        assertThat(post(ben, conversation, Map.of("type", "IMAGE", "mediaIds", List.of(image))).code()).isEqualTo("SLOW_MODE");
        api.patch("/api/conversations/" + conversation, ana.accessToken(), Map.of("slowModeSeconds", 0)).expectStatus(200);
        post(ben, conversation, Map.of("type", "IMAGE", "mediaIds", List.of(image))).expectStatus(201);
    }

    @Test
    void avatarsShowOnTheProfileAndCoversOnTheGathering() {
        String avatar = ready(ana, "AVATAR", "me.png", MediaSamples.png(200, 200));
        api.put("/api/me/avatar", ana.accessToken(), Map.of("mediaId", avatar)).expectStatus(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/api/me", ana.accessToken()).json().get("avatarMediaId").asString()).isEqualTo(avatar));

        Session host = api.newHost("Host");
        String gatheringId = api.post("/api/gatherings", host.accessToken(), gathering("Cover night", List.of(tier("Seat", 1000, 10))))
                .expectStatus(201).json().get("gatheringId").asString();
        String cover = ready(host, "GATHERING_COVER", "cover.jpg", MediaSamples.sidewaysPhotoWithGps());
        // only its host sets a gathering's cover, and only with a cover upload
        assertThat(api.put("/api/gatherings/" + gatheringId + "/cover", ana.accessToken(), Map.of("mediaId", cover)).status()).isEqualTo(404);
        assertThat(api.put("/api/gatherings/" + gatheringId + "/cover", host.accessToken(), Map.of("mediaId", ready(host, "AVATAR", "a.png",
                MediaSamples.png(5, 5)))).code()).isEqualTo("VALIDATION_FAILED");
        api.put("/api/gatherings/" + gatheringId + "/cover", host.accessToken(), Map.of("mediaId", cover)).expectStatus(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.get("/api/gatherings/" + gatheringId, host.accessToken())
                .json().get("coverMediaId").asString()).isEqualTo(cover));
        // a draft's cover is its host's alone; published, everyone's
        assertThat(uploads.download("/api/media/" + cover + "/content?variant=display", null).statusCode()).isEqualTo(404);
        api.post("/api/gatherings/" + gatheringId + "/publish", host.accessToken(), null).expectStatus(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(uploads.download("/api/media/" + cover + "/content?variant=display", null).statusCode()).isEqualTo(200));
    }

    @Test
    void theUploaderHearsWhenProcessingEnds() {
        try (Stomp socket = Stomp.connect(port, ana.accessToken())) {
            String good = uploads.uploadMedia(ana.accessToken(), "CHAT_IMAGE", "x.png", "image/png", MediaSamples.png(12, 6))
                    .expectStatus(201).json().get("mediaId").asString();
            JsonNode ready = socket.awaitEvent("media.ready");
            assertThat(ready.get("data").get("mediaId").asString()).isEqualTo(good);
            assertThat(ready.get("data").get("status").asString()).isEqualTo("READY");
            assertThat(ready.get("data").get("width").asInt()).isEqualTo(12);

            String bomb = uploads.uploadMedia(ana.accessToken(), "CHAT_IMAGE", "x.png", "image/png", MediaSamples.decompressionBomb())
                    .expectStatus(201).json().get("mediaId").asString();
            JsonNode rejected = socket.awaitEvent("media.rejected");
            assertThat(rejected.get("data").get("mediaId").asString()).isEqualTo(bomb);
            assertThat(rejected.get("data").get("reason").asString()).contains("megapixels");
        }
    }

    private Response post(Session sender, String conversation, Map<String, Object> message) {
        return api.post("/api/conversations/" + conversation + "/messages", sender.accessToken(), message,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private String ready(Session uploader, String purpose, String name, byte[] content) {
        return uploads.readyMedia(api, uploader, purpose, name, content);
    }
}
