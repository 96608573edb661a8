package app.soiree.command.media;

import static app.soiree.command.Refusals.refusedWith;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.UserId;
import app.soiree.api.media.AttachMedia;
import app.soiree.api.media.CompleteMediaProcessing;
import app.soiree.api.media.DeleteMedia;
import app.soiree.api.media.DetachMedia;
import app.soiree.api.media.MediaAttached;
import app.soiree.api.media.MediaAttachment;
import app.soiree.api.media.MediaDeleted;
import app.soiree.api.media.MediaDeletion.Reason;
import app.soiree.api.media.MediaDetached;
import app.soiree.api.media.MediaFacts;
import app.soiree.api.media.MediaId;
import app.soiree.api.media.MediaKind;
import app.soiree.api.media.MediaProcessed;
import app.soiree.api.media.MediaPurpose;
import app.soiree.api.media.MediaRejected;
import app.soiree.api.media.MediaUploaded;
import app.soiree.api.media.MediaVariant;
import app.soiree.api.media.RegisterUpload;
import app.soiree.api.media.RejectMedia;
import app.soiree.command.FixtureClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

class MediumTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final MediaId MEDIA = new MediaId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final UserId ANA = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000002"));
    private static final UserId BEN = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000003"));
    private static final MediaAttachment MESSAGE = MediaAttachment.message(UUID.randomUUID(), UUID.randomUUID());
    private static final MediaFacts FACTS = new MediaFacts(20, 40, null, List.of(),
            List.of(new MediaVariant(MediaVariant.ORIGINAL, "image/jpeg", 1234, 20, 40)));
    private static final MediaProperties PROPERTIES = new MediaProperties(null, null, null, null, null, null, null, null, null, null, null);

    private AggregateTestFixture<Medium> fixture;

    private AggregateTestFixture<Medium> fresh() {
        fixture = new AggregateTestFixture<>(Medium.class);
        fixture.registerInjectableResource(new FixtureClock(() -> fixture == null ? START : fixture.currentTime()));
        fixture.registerInjectableResource(PROPERTIES);
        return fixture;
    }

    private TestExecutor<Medium> given(Object... events) {
        return fresh().givenCurrentTime(START).andGiven(events);
    }

    private static MediaUploaded uploaded() {
        return new MediaUploaded(MEDIA, ANA, MediaPurpose.CHAT_IMAGE, MediaKind.IMAGE, "image/jpeg", 5000, START);
    }

    private static MediaProcessed processed() {
        return new MediaProcessed(MEDIA, ANA, FACTS, START);
    }

    @Test
    void anUploadWaitsForProcessingAndForAnAttachmentWithDeadlines() {
        fresh().givenCurrentTime(START)
                .when(new RegisterUpload(MEDIA, ANA, MediaPurpose.CHAT_IMAGE, "image/jpeg", 5000))
                .expectEvents(uploaded())
                .expectScheduledDeadlineWithName(Duration.ofMinutes(10), Medium.PROCESSING_DEADLINE)
                .expectScheduledDeadlineWithName(Duration.ofDays(1), Medium.UNATTACHED_DEADLINE);
    }

    @Test
    void processingAnswersOnceWhicheverAnswerComesFirst() {
        given(uploaded()).when(new CompleteMediaProcessing(MEDIA, FACTS)).expectEvents(processed());
        given(uploaded(), processed()).when(new RejectMedia(MEDIA, "late")).expectNoEvents();
        given(uploaded(), new MediaRejected(MEDIA, ANA, "damaged", START)).when(new CompleteMediaProcessing(MEDIA, FACTS)).expectNoEvents();
    }

    @Test
    void processingThatNeverAnswersEndsRejectedNotStuck() {
        fresh().givenCurrentTime(START)
                .andGivenCommands(new RegisterUpload(MEDIA, ANA, MediaPurpose.CHAT_IMAGE, "image/jpeg", 5000))
                .whenTimeElapses(Duration.ofMinutes(11))
                .expectEvents(new MediaRejected(MEDIA, ANA, "Processing did not finish in time", START.plus(Duration.ofMinutes(10))));
    }

    @Test
    void onlyItsUploaderAttachesAReadyMediumToOneThing() {
        given(uploaded()).when(new AttachMedia(MEDIA, ANA, MESSAGE)).expectException(refusedWith(ErrorCode.MEDIA_NOT_READY));
        given(uploaded(), processed()).when(new AttachMedia(MEDIA, BEN, MESSAGE)).expectException(refusedWith(ErrorCode.NOT_FOUND));
        given(uploaded(), processed()).when(new AttachMedia(MEDIA, ANA, MediaAttachment.avatar(ANA.value())))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        given(uploaded(), processed())
                .when(new AttachMedia(MEDIA, ANA, MESSAGE))
                .expectEvents(new MediaAttached(MEDIA, ANA, MESSAGE, START))
                .expectResultMessagePayload(FACTS);
        given(uploaded(), processed(), new MediaAttached(MEDIA, ANA, MESSAGE, START))
                .when(new AttachMedia(MEDIA, ANA, MESSAGE)).expectNoEvents().expectResultMessagePayload(FACTS);
        given(uploaded(), processed(), new MediaAttached(MEDIA, ANA, MESSAGE, START))
                .when(new AttachMedia(MEDIA, ANA, MediaAttachment.message(UUID.randomUUID(), UUID.randomUUID())))
                .expectException(refusedWith(ErrorCode.MEDIA_ALREADY_ATTACHED));
    }

    @Test
    void aRefusedMessageGivesItsMediaBack() {
        given(uploaded(), processed(), new MediaAttached(MEDIA, ANA, MESSAGE, START))
                .when(new DetachMedia(MEDIA, MESSAGE))
                .expectEvents(new MediaDetached(MEDIA, ANA, MESSAGE, START))
                .expectScheduledDeadlineWithName(Duration.ofDays(1), Medium.UNATTACHED_DEADLINE);
        given(uploaded(), processed(), new MediaAttached(MEDIA, ANA, MESSAGE, START))
                .when(new DetachMedia(MEDIA, MediaAttachment.message(UUID.randomUUID(), UUID.randomUUID())))
                .expectNoEvents();
    }

    @Test
    void deletionIsTheUploadersWhileUnattachedSupportsAlwaysAndHappensOnce() {
        given(uploaded(), processed())
                .when(new DeleteMedia(MEDIA, ANA, false, Reason.BY_UPLOADER))
                .expectEvents(deleted(ANA, Reason.BY_UPLOADER));
        given(uploaded(), processed()).when(new DeleteMedia(MEDIA, BEN, false, Reason.BY_UPLOADER))
                .expectException(refusedWith(ErrorCode.NOT_FOUND));
        given(uploaded(), processed(), new MediaAttached(MEDIA, ANA, MESSAGE, START))
                .when(new DeleteMedia(MEDIA, ANA, false, Reason.BY_UPLOADER))
                .expectException(refusedWith(ErrorCode.STATE_CONFLICT));
        given(uploaded(), processed(), new MediaAttached(MEDIA, ANA, MESSAGE, START))
                .when(new DeleteMedia(MEDIA, BEN, true, Reason.BY_SUPPORT))
                .expectEvents(deleted(BEN, Reason.BY_SUPPORT));
        given(uploaded(), processed(), new MediaAttached(MEDIA, ANA, MESSAGE, START))
                .when(new DeleteMedia(MEDIA, null, false, Reason.WITH_ATTACHMENT))
                .expectEvents(deleted(null, Reason.WITH_ATTACHMENT));
        given(uploaded(), deleted(ANA, Reason.BY_UPLOADER)).when(new DeleteMedia(MEDIA, ANA, false, Reason.BY_UPLOADER)).expectNoEvents();
        given(uploaded(), deleted(ANA, Reason.BY_UPLOADER)).when(new AttachMedia(MEDIA, ANA, MESSAGE))
                .expectException(refusedWith(ErrorCode.NOT_FOUND));
    }

    @Test
    void anUploadNobodyAttachesIsDeletedAfterADayButAnAttachedOneStays() {
        fresh().givenCurrentTime(START)
                .andGivenCommands(new RegisterUpload(MEDIA, ANA, MediaPurpose.CHAT_IMAGE, "image/jpeg", 5000),
                        new CompleteMediaProcessing(MEDIA, FACTS))
                .whenTimeElapses(Duration.ofDays(1).plusMinutes(1))
                .expectEvents(new MediaDeleted(MEDIA, ANA, null, Reason.UNATTACHED, keys(), START.plus(Duration.ofDays(1))));
        fresh().givenCurrentTime(START)
                .andGivenCommands(new RegisterUpload(MEDIA, ANA, MediaPurpose.CHAT_IMAGE, "image/jpeg", 5000),
                        new CompleteMediaProcessing(MEDIA, FACTS), new AttachMedia(MEDIA, ANA, MESSAGE))
                .whenTimeElapses(Duration.ofDays(1).plusMinutes(1))
                .expectNoEvents();
    }

    private static MediaDeleted deleted(UserId by, Reason reason) {
        return new MediaDeleted(MEDIA, ANA, by, reason, keys(), START);
    }

    private static List<String> keys() {
        String prefix = "media/" + MEDIA.value() + "/";
        return List.of(prefix + "upload", prefix + "original", prefix + "display", prefix + "thumbnail");
    }
}
