package app.soiree.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.identity.PersonalData;
import app.soiree.api.identity.PersonalDataErased;
import app.soiree.api.identity.ProfileChanged;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserRegistered;
import app.soiree.api.notification.NotificationCategory;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationContent;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.NotificationKind;
import app.soiree.api.notification.NotificationPlanned;
import app.soiree.api.notification.SkipReason;
import app.soiree.api.payment.PaymentId;
import app.soiree.api.refund.RefundId;
import app.soiree.api.refund.RefundPending;
import app.soiree.server.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event serializer's sealing of personal data, against the real key table: sealed on the way in, opened
 * on the way out, erased once the key is destroyed, plain legacy values read as they are, and nothing sealed
 * that is not an event's personal field.
 */
@IntegrationTest
class SealingSerializerTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    private final Serializer plain = Jackson3Serializer.builder().jsonMapperBuilderCustomizer(new AxonConfiguration().axonJsonTypes()).build();

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer events;
    @Autowired
    private Serializer general;

    private SealingSerializer sealing() {
        return new SealingSerializer(plain, new PersonalKeys(() -> jdbc));
    }

    @Test
    void personalFieldsAreStoredSealedAndReadBackAsTheyWere() {
        SealingSerializer serializer = sealing();
        UserRegistered registered = registration(UserId.random(), "+4915112345678");

        SerializedObject<byte[]> stored = serializer.serialize(registered, byte[].class);

        String json = text(stored);
        assertThat(json).doesNotContain("ada.sealed@soiree.test", "Ada Sealed", "+4915112345678")
                .contains("\"sealed\"", "\"keyOwner\":\"" + registered.userId() + "\"", "\"roles\"");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(registered);
        assertThat(keyOf(registered.userId())).as("made on first use").hasSize(32);
    }

    /** Read back from the opened tree, not from its text written again: an instant keeps its nanoseconds, exactly. */
    @Test
    void anInstantBesideSealedFieldsReadsBackToTheNanosecond() {
        SealingSerializer serializer = sealing();
        UserRegistered registered = new UserRegistered(UserId.random(), "ada.sealed@soiree.test", "Ada Sealed", null, Set.of(Role.GUEST),
                Instant.parse("2026-12-07T10:00:00.123456789Z"));

        UserRegistered read = serializer.deserialize(serializer.serialize(registered, byte[].class));

        assertThat(read).isEqualTo(registered);
        assertThat(read.registeredAt().getNano()).isEqualTo(123_456_789);
    }

    @Test
    void aNullPersonalFieldStaysNull() {
        SealingSerializer serializer = sealing();
        UserRegistered withoutPhone = registration(UserId.random(), null);

        SerializedObject<byte[]> stored = serializer.serialize(withoutPhone, byte[].class);

        assertThat(text(stored)).contains("\"phone\":null");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(withoutPhone);
    }

    @Test
    void fieldsOfANestedRecordAreSealedUnderTheOwnerTheEventNames() {
        SealingSerializer serializer = sealing();
        UserId recipient = UserId.random();
        NotificationPlanned planned = new NotificationPlanned(new NotificationId(UUID.randomUUID()), recipient, NotificationKind.values()[0],
                NotificationCategory.values()[0], "trigger-1", new NotificationContent("Hello Grace Hopper", "Your seat, Grace", null,
                Map.of(), "en"), null, AT.plusSeconds(3600), 1, AT, Map.of(NotificationChannel.SMS, SkipReason.NO_VERIFIED_PHONE),
                Set.of(NotificationChannel.IN_APP), Set.of(NotificationChannel.EMAIL));

        SerializedObject<byte[]> stored = serializer.serialize(planned, byte[].class);

        assertThat(text(stored)).doesNotContain("Grace").contains("\"keyOwner\":\"" + recipient + "\"", "trigger-1");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(planned);
    }

    /** "Ben follows you" is Ada's notification and names Ben: his name and the texts that carry it are sealed under both keys. */
    @Test
    void aNotificationNamingSomeoneElseIsSealedUnderBothKeysAndErasedWithEither() {
        SealingSerializer serializer = sealing();
        UserId ada = UserId.random();
        UserId ben = UserId.random();
        UserId carl = UserId.random();
        NotificationPlanned aboutBen = follow(ada, ben, "Ben Named");
        NotificationPlanned aboutCarl = follow(ada, carl, "Carl Named");
        NotificationPlanned toBenAboutAda = follow(ben, ada, "Ada Named");
        SerializedObject<byte[]> storedAboutBen = serializer.serialize(aboutBen, byte[].class);
        SerializedObject<byte[]> storedAboutCarl = serializer.serialize(aboutCarl, byte[].class);
        SerializedObject<byte[]> storedToBen = serializer.serialize(toBenAboutAda, byte[].class);

        assertThat(text(storedAboutBen)).doesNotContain("Ben Named").contains("\"keyOwner\":\"" + ada + "\"",
                "\"innerKeyOwners\":[\"" + ben + "\"]", "\"actorId\":\"" + ben + "\"");
        assertThat((Object) serializer.deserialize(storedAboutBen)).isEqualTo(aboutBen);

        destroyKeyOf(ben);
        serializer.serialize(new PersonalDataErased(ben, null, AT), byte[].class); // evicts the cached key

        NotificationPlanned read = serializer.deserialize(storedAboutBen);
        assertThat(read.content().title()).isEqualTo(PersonalData.ERASED);
        assertThat(read.content().body()).isEqualTo(PersonalData.ERASED);
        assertThat(read.content().data()).containsEntry(NotificationContent.ACTOR_NAME, PersonalData.ERASED)
                .containsEntry(NotificationContent.ACTOR_ID, ben.toString());
        assertThat((Object) serializer.deserialize(storedAboutCarl)).as("Ada's other notifications").isEqualTo(aboutCarl);
        NotificationPlanned bensOwn = serializer.deserialize(storedToBen);
        assertThat(bensOwn.content().title()).as("Ben's own inbox goes with his key").isEqualTo(PersonalData.ERASED);
        assertThat(bensOwn.content().data()).as("Ada's name in it is hers, not his").containsEntry(NotificationContent.ACTOR_NAME, "Ada Named");
        assertThat(text(serializer.serialize(follow(carl, ben, "Ben Named"), byte[].class)))
                .as("planned after his erasure: not kept at all").doesNotContain("Ben Named").contains(PersonalData.ERASED);
    }

    @Test
    void onceTheKeyIsDestroyedTheFieldsReadAsErasedAndOtherUsersKeepTheirs() {
        SealingSerializer serializer = sealing();
        UserRegistered erasedOne = registration(UserId.random(), "+4915112345678");
        UserRegistered otherOne = registration(UserId.random(), null);
        SerializedObject<byte[]> erasedStored = serializer.serialize(erasedOne, byte[].class);
        SerializedObject<byte[]> otherStored = serializer.serialize(otherOne, byte[].class);
        assertThat((Object) serializer.deserialize(erasedStored)).as("cached now").isEqualTo(erasedOne);

        destroyKeyOf(erasedOne.userId());
        serializer.serialize(new PersonalDataErased(erasedOne.userId(), null, AT), byte[].class); // evicts the cached key

        UserRegistered read = serializer.deserialize(erasedStored);
        assertThat(read.email()).isEqualTo(PersonalData.ERASED);
        assertThat(read.displayName()).isEqualTo(PersonalData.ERASED);
        assertThat(read.phone()).isEqualTo(PersonalData.ERASED);
        assertThat(read.userId()).isEqualTo(erasedOne.userId());
        assertThat(read.roles()).isEqualTo(erasedOne.roles());
        assertThat((Object) serializer.deserialize(otherStored)).isEqualTo(otherOne);
    }

    @Test
    void readingAnErasureEvictsTheKeyThatAnotherProcessDestroyed() {
        SealingSerializer serializer = sealing();
        UserRegistered registered = registration(UserId.random(), null);
        SerializedObject<byte[]> stored = serializer.serialize(registered, byte[].class);
        serializer.deserialize(stored);

        destroyKeyOf(registered.userId());
        serializer.deserialize(serializer.serialize(new PersonalDataErased(registered.userId(), "request 42", AT), byte[].class));

        assertThat(((UserRegistered) serializer.deserialize(stored)).email()).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void anErasedUserGetsNoNewKeyAndWhatArrivesForThemIsStoredErased() {
        SealingSerializer serializer = sealing();
        UserId erased = UserId.random();
        serializer.serialize(registration(erased, null), byte[].class);
        destroyKeyOf(erased);
        serializer.serialize(new PersonalDataErased(erased, null, AT), byte[].class);

        SerializedObject<byte[]> late = serializer.serialize(new ProfileChanged(erased, "Back Again", "a bio", AT), byte[].class);

        assertThat(text(late)).doesNotContain("Back Again", "a bio", "sealed");
        assertThat(jdbc.queryForObject("select key_bytes is null from personal_keys where owner_id = ?", Boolean.class, erased.value()))
                .as("still destroyed").isTrue();
        ProfileChanged read = serializer.deserialize(late);
        assertThat(read.displayName()).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void anEventStoredInPlainTextBeforeSealingReadsAsItWas() {
        UserRegistered legacy = registration(UserId.random(), "+4915112345678");
        SerializedObject<byte[]> storedLongAgo = plain.serialize(legacy, byte[].class);

        assertThat((Object) sealing().deserialize(storedLongAgo)).isEqualTo(legacy);
    }

    /** A plan stored before plans carried their channel decisions (those came as events of their own) decided nothing. */
    @Test
    void aPlanStoredBeforeItCarriedItsDecisionsReadsAsOneThatDecidedNothing() {
        SealingSerializer serializer = sealing();
        NotificationPlanned planned = follow(UserId.random(), UserId.random(), "Ben Named");
        SerializedObject<byte[]> stored = serializer.serialize(planned, byte[].class);
        String older = text(stored).replace(",\"skipped\":{}", "").replace(",\"delivered\":[]", "").replace(",\"due\":[]", "");

        assertThat(older).doesNotContain("\"skipped\"", "\"delivered\"", "\"due\"");
        NotificationPlanned read = serializer.deserialize(new SimpleSerializedObject<>(older.getBytes(StandardCharsets.UTF_8), byte[].class,
                stored.getType()));
        assertThat(read).isEqualTo(planned);
        assertThat(read.skipped()).isEmpty();
        assertThat(read.delivered()).isEmpty();
        assertThat(read.due()).isEmpty();
    }

    @Test
    void anEventWithoutPersonalDataIsWrittenByteForByteAsBefore() {
        RefundPending event = new RefundPending(new PaymentId(UUID.randomUUID()), new RefundId(UUID.randomUUID()), "re_1", AT);

        assertThat(sealing().serialize(event, byte[].class).getData()).isEqualTo(plain.serialize(event, byte[].class).getData());
    }

    @Test
    void aSealedFieldMovedUnderAnotherOwnersKeyDoesNotOpen() {
        SealingSerializer serializer = sealing();
        UserRegistered victim = registration(UserId.random(), null);
        UserRegistered thief = registration(UserId.random(), null);
        String victimJson = text(serializer.serialize(victim, byte[].class));
        serializer.serialize(thief, byte[].class);
        String forged = victimJson.replace("\"keyOwner\":\"" + victim.userId(), "\"keyOwner\":\"" + thief.userId());

        assertThatThrownBy(() -> serializer.deserialize(new SimpleSerializedObject<>(forged.getBytes(StandardCharsets.UTF_8), byte[].class,
                serializer.typeForClass(UserRegistered.class)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEventSerializerSealsInsideTheOneThatReadsFormerNames() {
        assertThat(events).isInstanceOf(RenamingSerializer.class);
        assertThat(text(events.serialize(registration(UserId.random(), null), byte[].class))).contains("\"sealed\"");
    }

    @Test
    void onlyTheEventSerializerSeals() {
        UserRegistered registered = registration(UserId.random(), null);

        assertThat(text(events.serialize(registered, byte[].class))).doesNotContain("Ada Sealed").contains("\"sealed\"");
        assertThat(text(general.serialize(registered, byte[].class))).as("snapshots, tokens, sagas").contains("Ada Sealed");
    }

    private static UserRegistered registration(UserId userId, @Nullable String phone) {
        return new UserRegistered(userId, "ada.sealed@soiree.test", "Ada Sealed", phone, Set.of(Role.GUEST), AT);
    }

    private static NotificationPlanned follow(UserId recipient, UserId follower, String followerName) {
        return new NotificationPlanned(new NotificationId(UUID.randomUUID()), recipient, NotificationKind.values()[0],
                NotificationCategory.values()[0], "follow-" + follower, new NotificationContent(followerName + " follows you",
                followerName + " will see what you publish.", null, Map.of(NotificationContent.ACTOR_ID, follower.toString(),
                NotificationContent.ACTOR_NAME, followerName), "en"), null, AT.plusSeconds(3600), 1, AT, Map.of(), Set.of(), Set.of());
    }

    private void destroyKeyOf(UserId userId) {
        jdbc.update("update personal_keys set key_bytes = null, destroyed_at = now() where owner_id = ?", userId.value());
    }

    private byte[] keyOf(UserId userId) {
        return jdbc.queryForObject("select key_bytes from personal_keys where owner_id = ?", byte[].class, userId.value());
    }

    private static String text(SerializedObject<byte[]> stored) {
        return new String(stored.getData(), StandardCharsets.UTF_8);
    }
}
