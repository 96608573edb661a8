package app.soiree.command.social;

import static app.soiree.command.Refusals.refusedWith;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.UserId;
import app.soiree.api.social.ApproveFollowRequest;
import app.soiree.api.social.BanGuest;
import app.soiree.api.social.BlockUser;
import app.soiree.api.social.ChangePrivacy;
import app.soiree.api.social.FollowEndReason;
import app.soiree.api.social.FollowEnded;
import app.soiree.api.social.FollowPreferenceChanged;
import app.soiree.api.social.FollowRequestClosed;
import app.soiree.api.social.FollowRequestOutcome;
import app.soiree.api.social.FollowRequested;
import app.soiree.api.social.FollowState;
import app.soiree.api.social.FollowUser;
import app.soiree.api.social.GuestBanned;
import app.soiree.api.social.GuestUnbanned;
import app.soiree.api.social.PrivacyChanged;
import app.soiree.api.social.PrivacySettings;
import app.soiree.api.social.RejectFollowRequest;
import app.soiree.api.social.RelationshipId;
import app.soiree.api.social.RemoveFollower;
import app.soiree.api.social.UnbanGuest;
import app.soiree.api.social.UnblockUser;
import app.soiree.api.social.UnfollowUser;
import app.soiree.api.social.UserBlocked;
import app.soiree.api.social.UserFollowed;
import app.soiree.api.social.UserUnblocked;
import app.soiree.command.FixtureClock;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RelationshipTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final UserId ADA = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final UserId GRACE = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000002"));
    private static final RelationshipId PAIR = RelationshipId.between(ADA, GRACE);

    private AggregateTestFixture<Relationship> fixture;

    private TestExecutor<Relationship> given(Object... events) {
        fixture = new AggregateTestFixture<>(Relationship.class);
        fixture.registerInjectableResource(new FixtureClock(() -> fixture == null ? START : fixture.currentTime()));
        return fixture.givenCurrentTime(START).andGiven(events);
    }

    @Test
    void aPairHasOneRelationshipWhoeverActs() {
        assertThat(RelationshipId.between(GRACE, ADA)).isEqualTo(PAIR);
        assertThat(RelationshipId.between(ADA, new UserId(UUID.randomUUID()))).isNotEqualTo(PAIR);
        assertThatThrownBy(() -> RelationshipId.between(ADA, ADA)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void followsAtOnceWhenTheOtherDoesNotApproveFollowers() {
        given()
                .when(new FollowUser(ADA, GRACE, true, false))
                .expectEvents(new UserFollowed(PAIR, ADA, GRACE, true, false, START))
                .expectResultMessagePayload(FollowState.FOLLOWING);
    }

    @Test
    void followingAgainOnlyChangesWhetherToHearOfPublications() {
        given(new UserFollowed(PAIR, ADA, GRACE, true, false, START))
                .when(new FollowUser(ADA, GRACE, true, false))
                .expectNoEvents()
                .expectResultMessagePayload(FollowState.FOLLOWING);
        given(new UserFollowed(PAIR, ADA, GRACE, true, false, START))
                .when(new FollowUser(ADA, GRACE, false, true))
                .expectEvents(new FollowPreferenceChanged(PAIR, ADA, GRACE, false, START))
                .expectResultMessagePayload(FollowState.FOLLOWING);
    }

    @Test
    void asksWhenTheOtherApprovesFollowersAndFollowsOnceApproved() {
        given()
                .when(new FollowUser(ADA, GRACE, true, true))
                .expectEvents(new FollowRequested(PAIR, ADA, GRACE, true, START))
                .expectResultMessagePayload(FollowState.REQUESTED);
        given(new FollowRequested(PAIR, ADA, GRACE, true, START))
                .when(new ApproveFollowRequest(GRACE, ADA))
                .expectEvents(new UserFollowed(PAIR, ADA, GRACE, true, true, START));
    }

    @Test
    void onlyTheOneAskedCanAnswerARequestAndOnlyWhileItWaits() {
        given(new FollowRequested(PAIR, ADA, GRACE, false, START))
                .when(new RejectFollowRequest(GRACE, ADA))
                .expectEvents(new FollowRequestClosed(PAIR, ADA, GRACE, FollowRequestOutcome.REJECTED, START));
        // Ada asked Grace, so Ada has nothing of Grace's to approve
        given(new FollowRequested(PAIR, ADA, GRACE, false, START))
                .when(new ApproveFollowRequest(ADA, GRACE))
                .expectException(refusedWith(ErrorCode.NOT_FOUND));
        given(new UserFollowed(PAIR, ADA, GRACE, false, false, START))
                .when(new ApproveFollowRequest(GRACE, ADA))
                .expectException(refusedWith(ErrorCode.NOT_FOUND));
    }

    @Test
    void unfollowingEndsAFollowOrWithdrawsARequestAndOtherwiseChangesNothing() {
        given(new UserFollowed(PAIR, ADA, GRACE, false, false, START))
                .when(new UnfollowUser(ADA, GRACE))
                .expectEvents(new FollowEnded(PAIR, ADA, GRACE, FollowEndReason.UNFOLLOWED, START));
        given(new FollowRequested(PAIR, ADA, GRACE, false, START))
                .when(new UnfollowUser(ADA, GRACE))
                .expectEvents(new FollowRequestClosed(PAIR, ADA, GRACE, FollowRequestOutcome.WITHDRAWN, START));
        given(new UserFollowed(PAIR, GRACE, ADA, false, false, START))
                .when(new UnfollowUser(ADA, GRACE))
                .expectNoEvents();
    }

    @Test
    void theFollowedUserRemovesAFollower() {
        given(new UserFollowed(PAIR, ADA, GRACE, false, false, START))
                .when(new RemoveFollower(GRACE, ADA))
                .expectEvents(new FollowEnded(PAIR, ADA, GRACE, FollowEndReason.REMOVED, START));
        given(new UserFollowed(PAIR, ADA, GRACE, false, false, START))
                .when(new RemoveFollower(ADA, GRACE))
                .expectNoEvents();
    }

    @Test
    void aBlockEndsTheFollowsBothWaysInOneStep() {
        given(new UserFollowed(PAIR, ADA, GRACE, true, false, START), new UserFollowed(PAIR, GRACE, ADA, false, false, START))
                .when(new BlockUser(GRACE, ADA))
                .expectEvents(new FollowEnded(PAIR, GRACE, ADA, FollowEndReason.BLOCKED, START),
                        new FollowEnded(PAIR, ADA, GRACE, FollowEndReason.BLOCKED, START),
                        new UserBlocked(PAIR, GRACE, ADA, START));
        given(new FollowRequested(PAIR, ADA, GRACE, true, START))
                .when(new BlockUser(GRACE, ADA))
                .expectEvents(new FollowRequestClosed(PAIR, ADA, GRACE, FollowRequestOutcome.BLOCKED, START),
                        new UserBlocked(PAIR, GRACE, ADA, START));
        given()
                .when(new BlockUser(GRACE, ADA))
                .expectEvents(new UserBlocked(PAIR, GRACE, ADA, START));
    }

    @Test
    void blockingTwiceChangesNothing() {
        given(new UserBlocked(PAIR, GRACE, ADA, START))
                .when(new BlockUser(GRACE, ADA))
                .expectNoEvents();
    }

    @Test
    void neitherCanFollowWhileEitherBlocksTheOther() {
        given(new UserBlocked(PAIR, GRACE, ADA, START))
                .when(new FollowUser(ADA, GRACE, false, false))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.BLOCKED));
        given(new UserBlocked(PAIR, GRACE, ADA, START))
                .when(new FollowUser(GRACE, ADA, false, false))
                .expectException(refusedWith(ErrorCode.BLOCKED));
        // each lifts only their own block
        given(new UserBlocked(PAIR, GRACE, ADA, START), new UserBlocked(PAIR, ADA, GRACE, START), new UserUnblocked(PAIR, GRACE, ADA, START))
                .when(new FollowUser(GRACE, ADA, false, false))
                .expectException(refusedWith(ErrorCode.BLOCKED));
        given(new UserBlocked(PAIR, GRACE, ADA, START), new UserUnblocked(PAIR, GRACE, ADA, START))
                .when(new FollowUser(ADA, GRACE, false, false))
                .expectEvents(new UserFollowed(PAIR, ADA, GRACE, false, false, START));
    }

    @Test
    void onlyTheBlockerLiftsTheirBlock() {
        given(new UserBlocked(PAIR, GRACE, ADA, START))
                .when(new UnblockUser(ADA, GRACE))
                .expectNoEvents();
        given(new UserBlocked(PAIR, GRACE, ADA, START))
                .when(new UnblockUser(GRACE, ADA))
                .expectEvents(new UserUnblocked(PAIR, GRACE, ADA, START));
    }

    @Test
    void aHostBansAGuestOnceAndLiftsItOnce() {
        given()
                .when(new BanGuest(GRACE, ADA, "no-show twice"))
                .expectEvents(new GuestBanned(PAIR, GRACE, ADA, "no-show twice", START));
        given(new GuestBanned(PAIR, GRACE, ADA, null, START))
                .when(new BanGuest(GRACE, ADA, null))
                .expectNoEvents();
        given(new GuestBanned(PAIR, GRACE, ADA, null, START))
                .when(new UnbanGuest(ADA, GRACE))
                .expectNoEvents();
        given(new GuestBanned(PAIR, GRACE, ADA, null, START))
                .when(new UnbanGuest(GRACE, ADA))
                .expectEvents(new GuestUnbanned(PAIR, GRACE, ADA, START));
    }

    @Test
    void aBanLeavesTheFollowsAlone() {
        given(new UserFollowed(PAIR, ADA, GRACE, true, false, START))
                .when(new BanGuest(GRACE, ADA, null))
                .expectEvents(new GuestBanned(PAIR, GRACE, ADA, null, START));
    }

    @Test
    void privacyChangesOnlyWhenItDiffers() {
        AggregateTestFixture<Privacy> privacy = new AggregateTestFixture<>(Privacy.class);
        privacy.registerInjectableResource(new FixtureClock(() -> START));
        PrivacySettings closed = new PrivacySettings(true, false, false);
        privacy.givenNoPriorActivity()
                .when(new ChangePrivacy(ADA, PrivacySettings.DEFAULTS))
                .expectEvents(new PrivacyChanged(ADA, PrivacySettings.DEFAULTS, START));
        privacy = new AggregateTestFixture<>(Privacy.class);
        privacy.registerInjectableResource(new FixtureClock(() -> START));
        privacy.given(new PrivacyChanged(ADA, closed, START))
                .when(new ChangePrivacy(ADA, closed))
                .expectNoEvents()
                .expectResultMessagePayload(closed);
    }
}
