package app.soiree.query.gathering;

import static app.soiree.query.GatheringScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.identity.UserId;
import app.soiree.api.media.MediaAttached;
import app.soiree.api.media.MediaAttachment;
import app.soiree.api.media.MediaDeleted;
import app.soiree.api.media.MediaDeletion;
import app.soiree.api.media.MediaDetached;
import app.soiree.api.media.MediaId;
import app.soiree.query.GatheringScenario;
import app.soiree.query.ProjectionTest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Covers through the controller as a plain object: the details and the discovery list both show them. */
class GatheringCoverTest extends ProjectionTest {

    @Autowired
    GatheringController controller;

    @Autowired
    TransactionTemplate transactions;

    final UserId host = UserId.random();
    final GatheringScenario dinner = GatheringScenario.hostedBy(host);
    final MediaId first = MediaId.random();
    final MediaId second = MediaId.random();

    @Test
    void anAttachedCoverShowsOnTheGatheringAndInTheDiscoveryList() {
        events.publish(dinner.created(), dinner.published());
        assertThat(shownCover()).isNull();

        events.publish(cover(first, dinner));

        assertThat(shownCover()).isEqualTo(first.value());
        // The listing is remembered per query; this host's listing is asked for the first time here.
        assertThat(controller.gatherings(null, null, null, null, host.value(), null, null).value().items())
                .singleElement().extracting(GatheringSummary::coverMediaId).isEqualTo(first.value());
    }

    @Test
    void deletingTheCoversMediumClearsIt() {
        events.publish(dinner.created(), dinner.published(), cover(first, dinner));

        events.publish(deleted(first));

        assertThat(shownCover()).isNull();
    }

    @Test
    void theReplacedCoverDeletedAfterItsSuccessorWasAttachedLeavesTheSuccessor() {
        events.publish(dinner.created(), dinner.published(), cover(first, dinner));

        events.publish(cover(second, dinner), deleted(first));

        assertThat(shownCover()).isEqualTo(second.value());
    }

    @Test
    void detachingClearsOnlyTheMediumStillShown() {
        events.publish(dinner.created(), dinner.published(), cover(first, dinner), cover(second, dinner));

        events.publish(detached(first, dinner));
        assertThat(shownCover()).isEqualTo(second.value());

        events.publish(detached(second, dinner));
        assertThat(shownCover()).isNull();
    }

    @Test
    void eventsDeliveredAgainLeaveTheSameCover() {
        MediaAttached attachedSecond = cover(second, dinner);
        events.publish(dinner.created(), dinner.published(), cover(first, dinner), attachedSecond, deleted(first));

        events.publish(dinner.created(), attachedSecond, deleted(first), deleted(first));

        assertThat(shownCover()).isEqualTo(second.value());
    }

    @Test
    void otherAttachmentsAndOtherGatheringsMediaDoNotTouchTheCover() {
        GatheringScenario brunch = GatheringScenario.hostedBy(host);
        events.publish(dinner.created(), dinner.published(), brunch.created(), cover(first, dinner));

        MediaId avatar = MediaId.random();
        MediaId image = MediaId.random();
        events.publish(new MediaAttached(avatar, host, MediaAttachment.avatar(dinner.id().value()), NOW),
                new MediaAttached(image, host, MediaAttachment.message(UUID.randomUUID(), dinner.id().value()), NOW),
                deleted(avatar), deleted(image), deleted(MediaId.random()),
                cover(second, brunch), detached(first, brunch));

        assertThat(shownCover()).isEqualTo(first.value());
    }

    /** A tracking processor handles a batch in one transaction: the gathering is new, then edited after its cover is set. */
    @Test
    void aBatchThatCreatesCoversAndEditsTheGatheringKeepsTheCover() {
        transactions.executeWithoutResult(batch -> events.publish(dinner.created(), cover(first, dinner),
                dinner.published(), dinner.editedTo("Supper club, revised", dinner.tier())));

        assertThat(shownCover()).isEqualTo(first.value());
    }

    private @Nullable UUID shownCover() {
        return controller.gathering(dinner.id().value(), null).coverMediaId();
    }

    private MediaAttached cover(MediaId mediaId, GatheringScenario gathering) {
        return new MediaAttached(mediaId, host, MediaAttachment.cover(gathering.id().value()), NOW);
    }

    private MediaDetached detached(MediaId mediaId, GatheringScenario gathering) {
        return new MediaDetached(mediaId, host, MediaAttachment.cover(gathering.id().value()), NOW);
    }

    private MediaDeleted deleted(MediaId mediaId) {
        return new MediaDeleted(mediaId, host, null, MediaDeletion.Reason.WITH_ATTACHMENT, List.of(), NOW);
    }
}
