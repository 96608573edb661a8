package app.soiree.query.identity;

import static app.soiree.query.GatheringScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.identity.Actor;
import app.soiree.api.identity.FindUserProfile;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.StaffRolesChanged;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserProfileView;
import app.soiree.api.identity.UserRegistered;
import app.soiree.api.media.MediaAttached;
import app.soiree.api.media.MediaAttachment;
import app.soiree.api.media.MediaDeleted;
import app.soiree.api.media.MediaDeletion;
import app.soiree.api.media.MediaDetached;
import app.soiree.api.media.MediaId;
import app.soiree.query.ProjectionTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class AvatarProjectionTest extends ProjectionTest {

    @Autowired
    QueryGateway queries;

    @Autowired
    MeController me;

    @Autowired
    TransactionTemplate transactions;

    final UserRegistered ada = new UserRegistered(UserId.random(), "ada@soiree.test", "Ada", null, Set.of(Role.GUEST), NOW);
    final MediaId first = MediaId.random();
    final MediaId second = MediaId.random();

    @Test
    void anAttachedAvatarShowsOnTheProfileAndOnMe() {
        events.publish(ada);
        assertThat(profile().avatarMediaId()).isNull();
        assertThat(me.me(actor()).avatarMediaId()).isNull();

        events.publish(avatar(first, ada.userId()));

        assertThat(profile().avatarMediaId()).isEqualTo(first.value());
        assertThat(me.me(actor()).avatarMediaId()).isEqualTo(first.value());
    }

    @Test
    void deletingTheAvatarsMediumClearsIt() {
        events.publish(ada, avatar(first, ada.userId()));

        events.publish(deleted(first));

        assertThat(profile().avatarMediaId()).isNull();
    }

    @Test
    void theReplacedAvatarDeletedAfterItsSuccessorWasAttachedLeavesTheSuccessor() {
        events.publish(ada, avatar(first, ada.userId()));

        events.publish(avatar(second, ada.userId()), deleted(first));

        assertThat(profile().avatarMediaId()).isEqualTo(second.value());
    }

    @Test
    void detachingClearsOnlyTheMediumStillShown() {
        events.publish(ada, avatar(first, ada.userId()), avatar(second, ada.userId()));

        events.publish(new MediaDetached(first, ada.userId(), MediaAttachment.avatar(ada.userId().value()), NOW));
        assertThat(profile().avatarMediaId()).isEqualTo(second.value());

        events.publish(new MediaDetached(second, ada.userId(), MediaAttachment.avatar(ada.userId().value()), NOW));
        assertThat(profile().avatarMediaId()).isNull();
    }

    @Test
    void eventsDeliveredAgainLeaveTheSameAvatar() {
        MediaAttached attachedFirst = avatar(first, ada.userId());
        MediaAttached attachedSecond = avatar(second, ada.userId());
        events.publish(ada, attachedFirst, attachedSecond, deleted(first));

        events.publish(ada, attachedSecond, deleted(first), deleted(first));

        assertThat(profile().avatarMediaId()).isEqualTo(second.value());
    }

    @Test
    void otherAttachmentsAndOtherUsersMediaDoNotTouchTheAvatar() {
        UserId bob = UserId.random();
        events.publish(ada, avatar(first, ada.userId()));

        MediaId cover = MediaId.random();
        MediaId image = MediaId.random();
        events.publish(new MediaAttached(cover, ada.userId(), MediaAttachment.cover(ada.userId().value()), NOW),
                new MediaAttached(image, ada.userId(), MediaAttachment.message(UUID.randomUUID(), UUID.randomUUID()), NOW),
                deleted(cover), deleted(image), deleted(MediaId.random()),
                avatar(second, bob));

        assertThat(profile().avatarMediaId()).isEqualTo(first.value());
    }

    /** A tracking processor handles a batch in one transaction: the profile is new, then changed after its avatar is set. */
    @Test
    void aBatchThatRegistersSetsTheAvatarAndChangesTheProfileKeepsTheAvatar() {
        transactions.executeWithoutResult(batch -> events.publish(ada, avatar(first, ada.userId()),
                new StaffRolesChanged(ada.userId(), Set.of(Role.SUPPORT), NOW)));

        assertThat(profile().avatarMediaId()).isEqualTo(first.value());
        assertThat(profile().roles()).containsExactly(Role.SUPPORT);
    }

    private static MediaAttached avatar(MediaId mediaId, UserId userId) {
        return new MediaAttached(mediaId, userId, MediaAttachment.avatar(userId.value()), NOW);
    }

    private MediaDeleted deleted(MediaId mediaId) {
        return new MediaDeleted(mediaId, ada.userId(), null, MediaDeletion.Reason.WITH_ATTACHMENT, List.of(), NOW);
    }

    private Actor actor() {
        return new Actor(ada.userId(), Set.of(Role.GUEST));
    }

    private @Nullable UserProfileView profile() {
        return queries.query(new FindUserProfile(ada.userId()), ResponseTypes.instanceOf(UserProfileView.class)).join();
    }
}
