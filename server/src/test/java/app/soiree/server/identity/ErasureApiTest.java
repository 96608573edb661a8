package app.soiree.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserRegistered;
import app.soiree.api.ledger.FindWallet;
import app.soiree.api.ledger.WalletView;
import app.soiree.api.media.MediaId;
import app.soiree.api.media.MediaObjects;
import app.soiree.api.media.MediaVariant;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.MediaSamples;
import app.soiree.server.support.Stomp;
import app.soiree.server.support.Uploads;
import app.soiree.store.ObjectStore;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The right to erasure over HTTP, against the whole platform: after it no personal field of the user is readable in
 * a read model, an endpoint, the audit trail, the events read back from the store or the raw stored rows (also those
 * written before the erasure), while ids and money stay, the ledger replay still matches with the same digest, and
 * other users keep everything.
 */
@IntegrationTest
class ErasureApiTest {

    static final long PRICE = 2500;
    static final long NET = 2345; // 2500 less 5 % and 30 (application.yml)
    /** Answers any signed-in user at once, whatever the read models have caught up with. */
    static final String INBOX = "/api/me/notifications";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    QueryGateway queryGateway;
    @Autowired
    ObjectStore store;

    private Api api;
    private Uploads uploads;
    /** Staff are created once per class: the admin's sign-ins are rate limited per minute. */
    private static Session admin;
    private static Session support;
    private static Session finance;

    @BeforeEach
    void signIn() {
        api = new Api(port);
        uploads = new Uploads(port);
        if (admin == null) {
            admin = api.signIn("", "admin@soiree.test", "admin-password-1");
            support = api.newStaff(admin, "SUPPORT");
            finance = api.newStaff(admin, "FINANCE");
        }
    }

    @Test
    void afterAUsersOwnErasureNothingPersonalOfThemIsReadableAnywhereAndOthersKeepTheirs() throws IOException {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String name = "Ada Erasable " + marker;
        String phone = "+49151" + (10_000_000 + (int) (Math.random() * 89_999_999));
        Session ada = register(name, phone);
        Session ben = api.newUser("Ben Keeps " + marker);
        String bio = "Secret suppers " + marker;
        api.patch("/api/me/profile", ada.accessToken(), Map.of("bio", bio)).expectStatus(200);
        String conversation = api.post("/api/conversations/direct", ada.accessToken(), Map.of("userId", ben.userId()))
                .expectStatus(201).json().get("conversationId").asString();
        String adasText = "Meet at the red door " + marker;
        String bensText = "See you there " + marker;
        api.postOnce(messages(conversation), ada.accessToken(), Map.of("type", "TEXT", "text", adasText)).expectStatus(201);
        api.postOnce(messages(conversation), ben.accessToken(), Map.of("type", "TEXT", "text", bensText)).expectStatus(201);
        // Her avatar and the photo she sent are hers; the photo Ben sent is his.
        String avatar = uploads.readyMedia(api, ada, "AVATAR", "ada.png", MediaSamples.png(64, 64));
        api.put("/api/me/avatar", ada.accessToken(), Map.of("mediaId", avatar)).expectStatus(200);
        String adasPhoto = uploads.readyMedia(api, ada, "CHAT_IMAGE", "door.png", MediaSamples.png(32, 24));
        String bensPhoto = uploads.readyMedia(api, ben, "CHAT_IMAGE", "there.png", MediaSamples.png(24, 32));
        api.postOnce(messages(conversation), ada.accessToken(), Map.of("type", "IMAGE", "mediaIds", List.of(adasPhoto))).expectStatus(201);
        api.postOnce(messages(conversation), ben.accessToken(), Map.of("type", "IMAGE", "mediaIds", List.of(bensPhoto))).expectStatus(201);
        await().atMost(Duration.ofSeconds(15)).until(() -> contentStatus(avatar, null), status -> status == 200); // avatars are public
        await().atMost(Duration.ofSeconds(15)).until(() -> contentStatus(adasPhoto, ben), status -> status == 200);
        String note = "Ada's note about Ben " + marker;
        api.post("/api/reports", ada.accessToken(), Map.of("targetType", "USER", "targetId", ben.userId(), "reason", "SPAM", "note", note))
                .expectStatus(201);
        // The read models hold all of it in plain text before the erasure.
        await().atMost(Duration.ofSeconds(15)).until(() -> textsIn(conversation, ben), texts -> texts.contains(adasText) && texts.contains(bensText));
        await().atMost(Duration.ofSeconds(15)).until(() -> textOf(me(ada).path("hostBio")), bio::equals);
        List<String> personal = List.of(ada.email(), name, phone, bio, adasText, note);

        Response wrongPassword = api.post("/api/me/erasure", ada.accessToken(), Map.of("password", "not-the-password"));
        assertThat(wrongPassword.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(wrongPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        api.post("/api/me/erasure", ada.accessToken(), Map.of("password", ada.password())).expectStatus(202);

        // Nobody signs in as Ada again, and her sessions end: her access token at once, her refresh token with it.
        assertThat(api.post("/api/me/erasure", ada.accessToken(), Map.of("password", ada.password())).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/login", null, Map.of("email", ada.email(), "password", ada.password())).code())
                .isEqualTo("INVALID_CREDENTIALS");
        assertThat(api.post("/api/auth/refresh", null, Map.of("refreshToken", ada.refreshToken())).code()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(jdbc.queryForObject("select email from accounts where user_id = ?::uuid", String.class, ada.userId())).startsWith("erased:");

        // Read models and endpoints (what /api/me would show her, had she still a token).
        await().atMost(Duration.ofSeconds(15)).until(() -> profileRow(ada).get("display_name"), PersonalData.ERASED::equals);
        Map<String, Object> profile = profileRow(ada);
        assertThat(profile.get("email")).isEqualTo(PersonalData.ERASED);
        assertThat(profile.get("phone")).isNull();
        assertThat(profile.get("host_bio")).isNull();
        assertThat(api.get("/api/users/" + ada.userId(), ben.accessToken()).expectStatus(200).body()).doesNotContain(name, bio);
        await().atMost(Duration.ofSeconds(15)).until(() -> textsIn(conversation, ben), texts -> !texts.contains(adasText));
        assertThat(textsIn(conversation, ben)).contains(bensText);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForList(
                "select coalesce(note, '') from reports where reported_by = ?::uuid", String.class, ada.userId()), notes -> notes.equals(List.of("")));
        assertThat(jdbc.queryForList("select coalesce(text, '') from chat_messages where sender_id = ?::uuid", String.class, ada.userId()))
                .isNotEmpty().allMatch(String::isEmpty);

        // What she uploaded is gone, from the media read model and the object store; Ben's photo stays.
        for (String mediaId : List.of(avatar, adasPhoto)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> contentStatus(mediaId, ben), status -> status == 404);
            assertThat(jdbc.queryForObject("select status from media where media_id = ?::uuid", String.class, mediaId)).isEqualTo("DELETED");
            assertThat(storedObjectsOf(mediaId)).isEmpty();
        }
        assertThat(contentStatus(bensPhoto, ben)).isEqualTo(200);
        assertThat(storedObjectsOf(bensPhoto)).isNotEmpty();

        // The audit trail reads the events themselves: the user's are there, erased.
        String audit = api.get("/api/staff/audit/user/" + ada.userId(), support.accessToken()).expectStatus(200).body();
        assertThat(audit).contains("UserRegistered", "ProfileChanged", "PersonalDataErased", PersonalData.ERASED);
        personal.forEach(value -> assertThat(audit).doesNotContain(value));

        // A replay reads the same events from the store: erased too; ids and roles stay.
        UserRegistered replayed = firstEventOf(ada.userId());
        assertThat(replayed.email()).isEqualTo(PersonalData.ERASED);
        assertThat(replayed.displayName()).isEqualTo(PersonalData.ERASED);
        assertThat(replayed.phone()).isEqualTo(PersonalData.ERASED);
        assertThat(replayed.userId().toString()).isEqualTo(ada.userId());

        // The stored rows, written before the erasure, never held any of it in plain text; the keys are gone.
        List<String> rows = jdbc.queryForList("select convert_from(payload, 'UTF8') from domain_event_entry", String.class);
        personal.forEach(value -> assertThat(rows).noneMatch(row -> row.contains(value)));
        assertThat(jdbc.queryForObject("select key_bytes is null and destroyed_at is not null from personal_keys where owner_id = ?::uuid",
                Boolean.class, ada.userId())).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from content_keys where author_id = ?::uuid", Integer.class, ada.userId())).isZero();

        // Ben keeps everything.
        assertThat(me(ben).get("displayName").asString()).isEqualTo("Ben Keeps " + marker);
        assertThat(me(ben).get("email").asString()).isEqualTo(ben.email());
        assertThat(firstEventOf(ben.userId()).email()).isEqualTo(ben.email());
        api.post("/api/auth/login", null, Map.of("email", ben.email(), "password", ben.password())).expectStatus(200);
    }

    @Test
    void aHostTheLedgerOwesIsErasedOnlyByAnAdminAndTheLedgerReplayMatchesWithTheSameDigest() throws IOException {
        Session host = api.newHost("Host Erasable");
        Session guest = api.newUser("Guest Of An Erased Host");
        String gatheringId = Gatherings.publish(api, host, Gatherings.gathering("Last supper", List.of(Gatherings.tier("Seat", PRICE, 5))));
        String paymentId = api.postOnce("/api/bookings", guest.accessToken(),
                        Map.of("gatheringId", gatheringId, "tierId", Gatherings.firstTierId(api, gatheringId), "quantity", 1))
                .expectStatus(201).json().get("payment").get("paymentId").asString();
        api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingOf(host), pending -> pending == NET);
        String avatar = uploads.readyMedia(api, host, "AVATAR", "host.png", MediaSamples.png(64, 64));
        api.put("/api/me/avatar", host.accessToken(), Map.of("mediaId", avatar)).expectStatus(200);
        String cover = uploads.readyMedia(api, host, "GATHERING_COVER", "table.png", MediaSamples.png(96, 54));
        api.put("/api/gatherings/" + gatheringId + "/cover", host.accessToken(), Map.of("mediaId", cover)).expectStatus(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> contentStatus(cover, null), status -> status == 200);

        Response blocked = api.post("/api/me/erasure", host.accessToken(), Map.of("password", host.password()));
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.code()).isEqualTo("ERASURE_BLOCKED");
        assertThat(api.post(staffErasure(host.userId()), support.accessToken(), Map.of("reason", "asked by letter")).status()).isEqualTo(403);
        assertThat(api.post(staffErasure(host.userId()), guest.accessToken(), Map.of("reason", "asked by letter")).status()).isEqualTo(403);
        assertThat(api.post(staffErasure(UUID.randomUUID().toString()), admin.accessToken(), Map.of("reason", "asked by letter")).code())
                .isEqualTo("NOT_FOUND");
        assertThat(api.post(staffErasure(host.userId()), admin.accessToken(), Map.of()).code()).isEqualTo("VALIDATION_FAILED");

        long journalBefore = journalEntries();
        JsonNode before = replayToTheEnd();
        api.post(staffErasure(host.userId()), admin.accessToken(), Map.of("reason", "asked by letter, ticket 7")).expectStatus(202);
        api.post(staffErasure(host.userId()), admin.accessToken(), Map.of("reason", "asked again")).expectStatus(202);
        JsonNode after = replayToTheEnd();

        assertThat(journalEntries()).as("no money moved meanwhile (else the digests could not be compared)").isEqualTo(journalBefore);
        assertThat(before.get("matches").asBoolean()).isTrue();
        assertThat(after.get("matches").asBoolean()).isTrue();
        assertThat(after.get("digest").asString()).isEqualTo(before.get("digest").asString());
        // The money stays the host's, under their id (as their wallet would show it; their token is refused now), and the
        // journal still names the account.
        assertThat(api.get("/api/me/wallet", host.accessToken()).status()).isEqualTo(401);
        WalletView wallet = queryGateway.query(new FindWallet(UserId.of(host.userId())), ResponseTypes.instanceOf(WalletView.class)).join();
        assertThat(wallet.balances()).singleElement().satisfies(balance -> assertThat(balance.pending().amountMinor()).isEqualTo(NET));
        assertThat(jdbc.queryForObject("select count(*) from ledger_entries where account = ?", Integer.class,
                "host:" + host.userId() + ":pending")).isPositive();
        // Their avatar goes; the cover stays with the published gathering, a public listing.
        await().atMost(Duration.ofSeconds(15)).until(() -> contentStatus(avatar, null), status -> status == 404);
        assertThat(storedObjectsOf(avatar)).isEmpty();
        assertThat(contentStatus(cover, null)).isEqualTo(200);
        String audit = api.get("/api/staff/audit/user/" + host.userId(), support.accessToken()).expectStatus(200).body();
        assertThat(audit).contains("asked by letter, ticket 7").doesNotContain(host.email(), "Hosting since today");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%PersonalDataErased'",
                Integer.class, host.userId())).as("a second erasure adds nothing").isEqualTo(1);
    }

    @Test
    void anErasedUsersAccessTokensAreRefusedAtOnceOnTheApiAndTheSocket() {
        Session cleo = api.newUser("Cleo Signed In");
        Session dan = api.newUser("Dan Stays Signed In");
        api.get(INBOX, cleo.accessToken()).expectStatus(200); // verified, and remembered as verified
        try (Stomp cleosPhone = Stomp.connect(port, cleo.accessToken()); Stomp cleosLaptop = Stomp.connect(port, cleo.accessToken());
             Stomp dansPhone = Stomp.connect(port, dan.accessToken())) {

            api.post("/api/me/erasure", cleo.accessToken(), Map.of("password", cleo.password())).expectStatus(202);

            // The erasing process refuses the token as the erasure commits: no wait, although it has 15 minutes to live.
            assertThat(api.get(INBOX, cleo.accessToken()).status()).isEqualTo(401);
            assertThat(api.patch("/api/me/profile", cleo.accessToken(), Map.of("bio", "Still here?")).status()).isEqualTo(401);
            assertThat(Stomp.refusedConnect(port, "Bearer " + cleo.accessToken())).contains("valid access token");
            // The sockets she opened before are closed, each told why (unless a push racing the close lost the frame, see
            // Stomp.awaitRefusal); nobody else's is.
            assertClosedAsErased(cleosPhone);
            assertClosedAsErased(cleosLaptop);
            assertThat(dansPhone.isConnected()).isTrue();
        }
        api.get(INBOX, dan.accessToken()).expectStatus(200);
        Stomp.connectOnly(port, dan.accessToken()).close();
    }

    /** What another process sees: no event, only the tombstone in personal_keys, which it reads every few seconds. */
    @Test
    void anErasureAnotherProcessRecordedRefusesTheTokensWithinAPoll() {
        Session eve = api.newUser("Eve Erased Elsewhere");
        api.get(INBOX, eve.accessToken()).expectStatus(200);

        jdbc.update("""
                insert into personal_keys (owner_id, key_bytes, destroyed_at) values (?::uuid, null, now())
                on conflict (owner_id) do update set key_bytes = null, destroyed_at = now()""", eve.userId());

        await().atMost(Duration.ofSeconds(15)).until(() -> api.get(INBOX, eve.accessToken()).status(), status -> status == 401);
    }

    /** The socket of a user another process erased is closed by this one when its poll finds the tombstone. */
    @Test
    void aSocketOfAUserAnotherProcessErasedIsClosedWithinAPoll() {
        Session fay = api.newUser("Fay Connected Here");
        try (Stomp socket = Stomp.connect(port, fay.accessToken())) {
            jdbc.update("insert into personal_keys (owner_id, key_bytes, destroyed_at) values (?::uuid, null, now()) "
                    + "on conflict (owner_id) do update set key_bytes = null, destroyed_at = now()", fay.userId());

            assertClosedAsErased(socket); // the test's poll is every 5 s, and the wait is 10
        }
    }

    private static void assertClosedAsErased(Stomp socket) {
        socket.awaitRefusal().ifPresent(reason -> assertThat(reason).isEqualTo("The account was erased."));
        assertThat(socket.isConnected()).isFalse();
    }

    /** "Ben follows you" is Ada's notification, sealed under her key; once Ben is erased it names him no more. */
    @Test
    void othersNotificationsThatNameTheErasedUserNameThemNoMore() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String bensName = "Ben Follower " + marker;
        String carlsName = "Carl Follower " + marker;
        Session ada = api.newUser("Ada Followed " + marker);
        Session ben = api.newUser(bensName);
        Session carl = api.newUser(carlsName);
        api.post("/api/users/" + ada.userId() + "/follow", ben.accessToken(), null).expectStatus(200);
        api.post("/api/users/" + ada.userId() + "/follow", carl.accessToken(), null).expectStatus(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> inboxTitles(ada), titles -> titles.containsAll(
                List.of(bensName + " follows you", carlsName + " follows you")));
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxTo(ada), outbox -> outbox.contains(bensName) && outbox.contains(carlsName));

        api.post(staffErasure(ben.userId()), admin.accessToken(), Map.of("reason", "asked by email")).expectStatus(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> inboxTitles(ada), titles -> titles.contains(PersonalData.ERASED + " follows you"));
        String inbox = api.get(INBOX, ada.accessToken()).expectStatus(200).body();
        assertThat(inbox).doesNotContain(bensName).contains(ben.userId()); // his id stays: the notification is still about someone
        assertThat(inboxTitles(ada)).contains(carlsName + " follows you");
        assertThat(api.get("/api/me/data-export", ada.accessToken()).expectStatus(200).body()).doesNotContain(bensName).contains(carlsName);
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxTo(ada), outbox -> !outbox.contains(bensName));
        assertThat(outboxTo(ada)).contains(carlsName);

        // And at the source: Ada's notification events, read back as a replay or the audit reads them, name him no more.
        List<String> adasEvents = new ArrayList<>();
        api.get(INBOX, ada.accessToken()).expectStatus(200).json().get("items").forEach(item -> eventStore
                .readEvents(item.get("notificationId").asString()).asStream()
                .forEach(event -> adasEvents.add(event.getPayloadType().getSimpleName() + " " + event.getPayload())));
        assertThat(adasEvents).anySatisfy(event -> assertThat(event).startsWith("NotificationPlanned").contains(carlsName));
        assertThat(String.join("\n", adasEvents)).doesNotContain(bensName).contains(PersonalData.ERASED);
    }

    private List<String> inboxTitles(Session user) {
        List<String> titles = new ArrayList<>();
        api.get(INBOX, user.accessToken()).expectStatus(200).json().get("items").forEach(item -> titles.add(item.get("title").asString()));
        return titles;
    }

    /** What the simulated senders sent this user, as one text. */
    private String outboxTo(Session user) {
        return api.get("/api/dev/outbox?to=" + URLEncoder.encode(user.email(), StandardCharsets.UTF_8), support.accessToken())
                .expectStatus(200).json().get("items").toString();
    }

    private Session register(String displayName, String phone) {
        String email = "ada." + UUID.randomUUID() + "@soiree.test";
        String password = "password-" + UUID.randomUUID();
        String userId = api.post("/api/auth/register", null, Map.of("email", email, "password", password, "displayName", displayName, "phone", phone))
                .expectStatus(201).json().get("userId").asString();
        return api.signIn(userId, email, password);
    }

    private JsonNode me(Session user) {
        return api.get("/api/me", user.accessToken()).expectStatus(200).json();
    }

    private int contentStatus(String mediaId, @Nullable Session viewer) {
        return uploads.download("/api/media/" + mediaId + "/content?variant=" + MediaVariant.DISPLAY, viewer == null ? null : viewer.accessToken())
                .statusCode();
    }

    /** The medium's objects still in the store: its upload and its variants. */
    private List<String> storedObjectsOf(String mediaId) throws IOException {
        MediaId id = MediaId.of(mediaId);
        List<String> stored = new ArrayList<>();
        for (String key : List.of(MediaObjects.upload(id), MediaObjects.variant(id, MediaVariant.ORIGINAL),
                MediaObjects.variant(id, MediaVariant.DISPLAY), MediaObjects.variant(id, MediaVariant.THUMBNAIL))) {
            if (store.sizeOf(key).isPresent()) {
                stored.add(key);
            }
        }
        return stored;
    }

    private Map<String, Object> profileRow(Session user) {
        return jdbc.queryForMap("select display_name, email, phone, host_bio from user_profiles where user_id = ?::uuid", user.userId());
    }

    private List<String> textsIn(String conversation, Session reader) {
        List<String> texts = new ArrayList<>();
        api.get(messages(conversation), reader.accessToken()).expectStatus(200).json().get("items")
                .forEach(item -> texts.add(textOf(item.path("text"))));
        return texts;
    }

    private static String textOf(JsonNode node) {
        return node.isString() ? node.asString() : "";
    }

    private UserRegistered firstEventOf(String userId) {
        DomainEventMessage<?> first = eventStore.readEvents(userId).asStream().findFirst().orElseThrow();
        return (UserRegistered) first.getPayload();
    }

    private long pendingOf(Session host) {
        JsonNode balances = api.get("/api/me/wallet", host.accessToken()).expectStatus(200).json().get("balances");
        return balances.isEmpty() ? 0 : balances.get(0).get("pending").get("amount").asLong();
    }

    private long journalEntries() {
        Long count = jdbc.queryForObject("select count(*) from ledger_entries", Long.class);
        return count == null ? 0 : count;
    }

    private JsonNode replayToTheEnd() {
        String replayId = api.post("/api/finance/ledger/replays", finance.accessToken(), null).expectStatus(202).json().get("replayId").asString();
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/finance/ledger/replays/" + replayId, finance.accessToken()).expectStatus(200).json(),
                        replay -> !replay.get("status").asString().equals("RUNNING"));
    }

    private static String messages(String conversation) {
        return "/api/conversations/" + conversation + "/messages";
    }

    private static String staffErasure(String userId) {
        return "/api/staff/users/" + userId + "/erasure";
    }
}
