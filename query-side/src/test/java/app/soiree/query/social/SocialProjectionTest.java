package app.soiree.query.social;

import static app.soiree.query.social.SocialScenario.host;
import static app.soiree.query.social.SocialScenario.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserRegistered;
import app.soiree.api.social.FollowEndReason;
import app.soiree.api.social.FollowRequestOutcome;
import app.soiree.api.social.PrivacySettings;
import app.soiree.query.ProjectionTest;
import app.soiree.query.paging.PageResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The social projection fed with relationship and privacy events, read back through the controller as a plain object. */
class SocialProjectionTest extends ProjectionTest {

    @Autowired
    SocialController controller;

    final SocialScenario social = new SocialScenario();
    final UserId ana = UserId.random();
    final UserId ben = UserId.random();
    final UserId cleo = UserId.random();
    final UserId dan = UserId.random();

    @BeforeEach
    void fourUsersAnaHosts() {
        events.publish(registered(ana, "Ana"), registered(ben, "Ben"), registered(cleo, "Cleo"), registered(dan, "Dan"),
                host(ana, "Dinners in my kitchen"));
    }

    @Test
    void aFollowCountsOnBothSidesAndListsNewestFirst() {
        events.publish(social.follows(ben, ana), social.follows(cleo, ana), social.follows(ben, cleo));

        UserProfileView profile = controller.user(ana.value(), signedIn(ben));
        assertThat(profile.displayName()).isEqualTo("Ana");
        assertThat(profile.bio()).isEqualTo("Dinners in my kitchen");
        assertThat(profile.isHost()).isTrue();
        assertThat(profile.followers()).isEqualTo(2);
        assertThat(profile.following()).isZero();
        assertThat(profile.relationship()).isEqualTo(new UserProfileView.Relationship(true, false, false, false, null));
        assertThat(controller.user(ben.value(), signedIn(ben)).following()).isEqualTo(2);
        assertThat(names(controller.followers(ana.value(), anonymous(), null, null))).containsExactly("Cleo", "Ben");
        assertThat(names(controller.following(ben.value(), anonymous(), null, null))).containsExactly("Cleo", "Ana");
    }

    @Test
    void unfollowingTakesTheFollowBackOut() {
        events.publish(social.follows(ben, ana), social.ended(ben, ana, FollowEndReason.UNFOLLOWED));

        assertThat(controller.user(ana.value(), signedIn(ben)).followers()).isZero();
        assertThat(controller.user(ben.value(), signedIn(ben)).following()).isZero();
        assertThat(controller.followers(ana.value(), anonymous(), null, null).items()).isEmpty();
        assertThat(controller.user(ana.value(), signedIn(ben)).relationship().following()).isFalse();
    }

    @Test
    void aRequestWaitsUncountedUntilApprovedAndThenFollows() {
        events.publish(social.privacy(ana, true, true, true), social.asks(ben, ana), social.asks(cleo, ana));

        assertThat(controller.followRequests(actor(ana), null, null).items()).extracting(ListedUser.Request::displayName)
                .containsExactly("Cleo", "Ben");
        assertThat(controller.user(ana.value(), signedIn(ben)).relationship().requested()).isTrue();
        assertThat(controller.user(ana.value(), signedIn(ben)).followers()).isZero();

        events.publish(social.approved(ben, ana), social.closed(cleo, ana, FollowRequestOutcome.REJECTED));

        assertThat(controller.followRequests(actor(ana), null, null).items()).isEmpty();
        UserProfileView afterApproval = controller.user(ana.value(), signedIn(ben));
        assertThat(afterApproval.followers()).isEqualTo(1);
        assertThat(afterApproval.relationship()).isEqualTo(new UserProfileView.Relationship(true, false, false, false, null));
        assertThat(controller.user(ana.value(), signedIn(cleo)).relationship().requested()).isFalse();
        assertThat(names(controller.followers(ana.value(), signedIn(ana), null, null))).containsExactly("Ben");
    }

    @Test
    void redeliveredEventsKeepTheCountsExact() {
        var follow = social.follows(ben, ana);
        var unfollow = social.ended(ben, ana, FollowEndReason.UNFOLLOWED);
        var followAgain = social.follows(ben, ana);
        var cleoAsks = social.asks(cleo, ana);
        var cleoApproved = social.approved(cleo, ana);

        events.publish(follow, follow, unfollow, unfollow, followAgain, cleoAsks, cleoApproved);
        // a processor that lost its token after these goes through them all again, in order
        events.publish(follow, unfollow, followAgain, cleoAsks, cleoApproved, cleoApproved);

        assertThat(controller.user(ana.value(), signedIn(ana)).followers()).isEqualTo(2);
        assertThat(controller.user(ben.value(), signedIn(ben)).following()).isEqualTo(1);
        assertThat(controller.user(cleo.value(), signedIn(cleo)).following()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from follows where followee_id = ? and state = 'FOLLOWING'").param(ana.value())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aBlockEndsTheFollowsBothWaysAndHidesTheBlockerFromTheBlocked() {
        // as the relationship applies a block: the follows it ends, then the block
        events.publish(social.follows(ben, ana), social.follows(ana, ben), social.follows(cleo, ana),
                social.ended(ben, ana, FollowEndReason.BLOCKED), social.ended(ana, ben, FollowEndReason.BLOCKED), social.blocks(ana, ben));

        assertThatThrownBy(() -> controller.user(ana.value(), signedIn(ben))).isInstanceOf(SoireeException.class)
                .extracting(thrown -> ((SoireeException) thrown).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThatThrownBy(() -> controller.followers(ana.value(), signedIn(ben), null, null)).isInstanceOf(SoireeException.class);
        UserProfileView blockedSeenByBlocker = controller.user(ben.value(), signedIn(ana));
        assertThat(blockedSeenByBlocker.relationship()).isEqualTo(new UserProfileView.Relationship(false, false, true, false, null));
        assertThat(blockedSeenByBlocker.followers()).isZero();
        assertThat(controller.user(ana.value(), signedIn(ana)).followers()).isEqualTo(1);
        assertThat(controller.blocks(actor(ana), null, null).items()).extracting(ListedUser.Block::displayName).containsExactly("Ben");

        // others' lists never show the one the caller blocked, or who blocked the caller
        events.publish(social.follows(ben, cleo), social.follows(dan, cleo));
        assertThat(names(controller.followers(cleo.value(), signedIn(ana), null, null))).containsExactly("Dan");
        assertThat(names(controller.followers(cleo.value(), signedIn(ben), null, null))).containsExactly("Dan", "Ben");
        assertThat(names(controller.following(cleo.value(), signedIn(ben), null, null))).isEmpty();
        assertThat(names(controller.followers(cleo.value(), anonymous(), null, null))).containsExactly("Dan", "Ben");

        events.publish(social.unblocks(ana, ben));
        assertThat(controller.user(ana.value(), signedIn(ben)).relationship().following()).isFalse();
        assertThat(controller.blocks(actor(ana), null, null).items()).isEmpty();
    }

    @Test
    void privacyHidesTheListsAndTheirCountsFromEveryoneButTheOwner() {
        events.publish(social.follows(ben, ana), social.follows(ana, cleo), social.privacy(ana, false, false, true));

        assertThat(controller.privacy(actor(ana))).isEqualTo(new PrivacySettings(false, false, true));
        assertThat(controller.privacy(actor(ben))).isEqualTo(PrivacySettings.DEFAULTS);
        assertThatThrownBy(() -> controller.followers(ana.value(), signedIn(cleo), null, null)).isInstanceOf(SoireeException.class)
                .extracting(thrown -> ((SoireeException) thrown).code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThatThrownBy(() -> controller.followers(ana.value(), anonymous(), null, null)).isInstanceOf(SoireeException.class);
        assertThat(names(controller.followers(ana.value(), signedIn(ana), null, null))).containsExactly("Ben");
        assertThat(names(controller.following(ana.value(), signedIn(cleo), null, null))).containsExactly("Cleo");

        UserProfileView seenByOthers = controller.user(ana.value(), anonymous());
        assertThat(seenByOthers.followers()).isNull();
        assertThat(seenByOthers.following()).isEqualTo(1);
        assertThat(seenByOthers.relationship()).isNull();
        assertThat(controller.user(ana.value(), signedIn(ana)).followers()).isEqualTo(1);
        assertThat(controller.user(ana.value(), signedIn(ana)).relationship()).isNull();
    }

    @Test
    void aHostSeesTheGuestsTheyBannedAndTheGuestIsNotTold() {
        events.publish(social.bans(ana, ben, "shouted at the chef"), social.bans(ana, cleo, null), social.bans(ana, dan, "no-show"),
                social.unbans(ana, dan));

        assertThat(controller.bannedGuests(actor(ana), null, null).items())
                .extracting(ListedUser.BannedGuest::displayName, ListedUser.BannedGuest::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Cleo", null),
                        org.assertj.core.groups.Tuple.tuple("Ben", "shouted at the chef"));
        assertThat(controller.user(ben.value(), Optional.of(new Actor(ana, Set.of(Role.GUEST, Role.HOST)))).relationship().banned()).isTrue();
        assertThat(controller.user(ana.value(), signedIn(ben)).relationship().banned()).isNull();
        assertThat(controller.bannedGuests(actor(ben), null, null).items()).isEmpty();
    }

    @Test
    void unknownUsersAndStaffAccountsAreNotFound() {
        UserRegistered support = new UserRegistered(UserId.random(), "support@soiree.test", "Support", null, Set.of(Role.SUPPORT),
                SocialScenario.START);
        events.publish(support);

        assertThatThrownBy(() -> controller.user(support.userId().value(), anonymous())).isInstanceOf(SoireeException.class);
        assertThatThrownBy(() -> controller.user(UserId.random().value(), signedIn(ana))).isInstanceOf(SoireeException.class);
        assertThatThrownBy(() -> controller.following(UserId.random().value(), signedIn(ana), null, null))
                .isInstanceOf(SoireeException.class);
    }

    @Test
    void listsPageWithACursor() {
        events.publish(social.follows(ben, ana), social.follows(cleo, ana), social.follows(dan, ana));

        PageResponse<ListedUser.Follow> first = controller.followers(ana.value(), anonymous(), null, 2);
        assertThat(names(first)).containsExactly("Dan", "Cleo");
        PageResponse<ListedUser.Follow> second = controller.followers(ana.value(), anonymous(), first.nextCursor(), 2);
        assertThat(names(second)).containsExactly("Ben");
        assertThat(second.nextCursor()).isNull();
        assertThatThrownBy(() -> controller.followers(ana.value(), anonymous(), null, 101)).isInstanceOf(SoireeException.class);
    }

    private static List<String> names(PageResponse<ListedUser.Follow> page) {
        return page.items().stream().map(ListedUser.Follow::displayName).toList();
    }

    private static Optional<Actor> signedIn(UserId userId) {
        return Optional.of(actor(userId));
    }

    private static Optional<Actor> anonymous() {
        return Optional.empty();
    }

    private static Actor actor(UserId userId) {
        return new Actor(userId, Set.of(Role.GUEST));
    }
}
