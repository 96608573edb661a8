package app.soiree.query.social;

import app.soiree.api.identity.HostProfileCreated;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserRegistered;
import app.soiree.api.social.FollowEndReason;
import app.soiree.api.social.FollowEnded;
import app.soiree.api.social.FollowRequestClosed;
import app.soiree.api.social.FollowRequestOutcome;
import app.soiree.api.social.FollowRequested;
import app.soiree.api.social.GuestBanned;
import app.soiree.api.social.GuestUnbanned;
import app.soiree.api.social.PrivacyChanged;
import app.soiree.api.social.PrivacySettings;
import app.soiree.api.social.RelationshipId;
import app.soiree.api.social.UserBlocked;
import app.soiree.api.social.UserFollowed;
import app.soiree.api.social.UserUnblocked;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** The social events as the relationship and privacy aggregates apply them, each a second after the one before. */
final class SocialScenario {

    static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    private Instant at = START;

    static UserRegistered registered(UserId userId, String name) {
        return new UserRegistered(userId, name.toLowerCase() + "@soiree.test", name, null, Set.of(Role.GUEST), START);
    }

    static HostProfileCreated host(UserId userId, String bio) {
        return new HostProfileCreated(userId, bio, START);
    }

    UserFollowed follows(UserId follower, UserId followee) {
        return new UserFollowed(RelationshipId.between(follower, followee), follower, followee, true, false, tick());
    }

    FollowRequested asks(UserId follower, UserId followee) {
        return new FollowRequested(RelationshipId.between(follower, followee), follower, followee, true, tick());
    }

    UserFollowed approved(UserId follower, UserId followee) {
        return new UserFollowed(RelationshipId.between(follower, followee), follower, followee, true, true, tick());
    }

    FollowRequestClosed closed(UserId follower, UserId followee, FollowRequestOutcome outcome) {
        return new FollowRequestClosed(RelationshipId.between(follower, followee), follower, followee, outcome, tick());
    }

    FollowEnded ended(UserId follower, UserId followee, FollowEndReason reason) {
        return new FollowEnded(RelationshipId.between(follower, followee), follower, followee, reason, tick());
    }

    UserBlocked blocks(UserId blocker, UserId blocked) {
        return new UserBlocked(RelationshipId.between(blocker, blocked), blocker, blocked, tick());
    }

    UserUnblocked unblocks(UserId blocker, UserId blocked) {
        return new UserUnblocked(RelationshipId.between(blocker, blocked), blocker, blocked, tick());
    }

    GuestBanned bans(UserId host, UserId guest, String reason) {
        return new GuestBanned(RelationshipId.between(host, guest), host, guest, reason, tick());
    }

    GuestUnbanned unbans(UserId host, UserId guest) {
        return new GuestUnbanned(RelationshipId.between(host, guest), host, guest, tick());
    }

    PrivacyChanged privacy(UserId user, boolean approveFollowers, boolean followersVisible, boolean followingVisible) {
        return new PrivacyChanged(user, new PrivacySettings(approveFollowers, followersVisible, followingVisible), tick());
    }

    Instant tick() {
        at = at.plus(Duration.ofSeconds(1));
        return at;
    }
}
