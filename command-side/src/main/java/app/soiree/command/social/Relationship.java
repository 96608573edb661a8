package app.soiree.command.social;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.api.social.ApproveFollowRequest;
import app.soiree.api.social.BanGuest;
import app.soiree.api.social.BlockUser;
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
import app.soiree.api.social.RejectFollowRequest;
import app.soiree.api.social.RelationshipCommand;
import app.soiree.api.social.RelationshipId;
import app.soiree.api.social.RemoveFollower;
import app.soiree.api.social.UnbanGuest;
import app.soiree.api.social.UnblockUser;
import app.soiree.api.social.UnfollowUser;
import app.soiree.api.social.UserBlocked;
import app.soiree.api.social.UserFollowed;
import app.soiree.api.social.UserUnblocked;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.Nullable;

/**
 * Everything between two users, whichever of them acts: each one's follow of the other (or request to), each
 * one's block of the other, and each one's ban of the other from their gatherings. One aggregate per pair, so a
 * block ends the follows and requests in both directions in the same step, and a follow can never slip in beside
 * a block. Maps are keyed by the acting user's id (the follower, the blocker, the host).
 *
 * <p>It is created by whichever command comes first; commands that would change nothing on a pair with no history
 * are answered before they reach it (see {@link SocialCommandController}), since an aggregate must begin with an event.
 */
@Aggregate
public class Relationship {

    @AggregateIdentifier
    private RelationshipId relationshipId;
    private Map<UserId, FollowState> follows = new HashMap<>();
    /** Whether each follower (or requester) hears when the other publishes. */
    private Map<UserId, Boolean> notifyOnPublish = new HashMap<>();
    private Set<UserId> blockers = new HashSet<>();
    private Set<UserId> banningHosts = new HashSet<>();

    protected Relationship() {
        // for Axon's event sourcing, and for whichever command comes first
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    FollowState handle(FollowUser command, Clock clock) {
        requireTwoUsers(command);
        if (!blockers.isEmpty()) {
            throw new SoireeException(ErrorCode.BLOCKED, "One of you blocked the other");
        }
        RelationshipId id = id(command);
        Instant now = clock.instant();
        FollowState current = follows.get(command.followerId());
        if (current != null) {
            if (notifyOnPublish.get(command.followerId()) != command.notifyOnPublish()) {
                apply(new FollowPreferenceChanged(id, command.followerId(), command.followeeId(), command.notifyOnPublish(), now));
            }
            return current;
        }
        if (command.approvalRequired()) {
            apply(new FollowRequested(id, command.followerId(), command.followeeId(), command.notifyOnPublish(), now));
            return FollowState.REQUESTED;
        }
        apply(new UserFollowed(id, command.followerId(), command.followeeId(), command.notifyOnPublish(), false, now));
        return FollowState.FOLLOWING;
    }

    @CommandHandler
    void handle(UnfollowUser command, Clock clock) {
        FollowState current = follows.get(command.followerId());
        if (current == FollowState.FOLLOWING) {
            apply(new FollowEnded(relationshipId, command.followerId(), command.followeeId(), FollowEndReason.UNFOLLOWED, clock.instant()));
        } else if (current == FollowState.REQUESTED) {
            apply(new FollowRequestClosed(relationshipId, command.followerId(), command.followeeId(), FollowRequestOutcome.WITHDRAWN,
                    clock.instant()));
        }
    }

    @CommandHandler
    void handle(ApproveFollowRequest command, Clock clock) {
        requirePendingRequest(command.followerId());
        apply(new UserFollowed(relationshipId, command.followerId(), command.followeeId(),
                notifyOnPublish.getOrDefault(command.followerId(), false), true, clock.instant()));
    }

    @CommandHandler
    void handle(RejectFollowRequest command, Clock clock) {
        requirePendingRequest(command.followerId());
        apply(new FollowRequestClosed(relationshipId, command.followerId(), command.followeeId(), FollowRequestOutcome.REJECTED,
                clock.instant()));
    }

    @CommandHandler
    void handle(RemoveFollower command, Clock clock) {
        if (follows.get(command.followerId()) == FollowState.FOLLOWING) {
            apply(new FollowEnded(relationshipId, command.followerId(), command.followeeId(), FollowEndReason.REMOVED, clock.instant()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(BlockUser command, Clock clock) {
        requireTwoUsers(command);
        if (blockers.contains(command.blockerId())) {
            return;
        }
        RelationshipId id = id(command);
        Instant now = clock.instant();
        endBecauseBlocked(id, command.blockerId(), command.blockedId(), now);
        endBecauseBlocked(id, command.blockedId(), command.blockerId(), now);
        apply(new UserBlocked(id, command.blockerId(), command.blockedId(), now));
    }

    @CommandHandler
    void handle(UnblockUser command, Clock clock) {
        if (blockers.contains(command.blockerId())) {
            apply(new UserUnblocked(relationshipId, command.blockerId(), command.blockedId(), clock.instant()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(BanGuest command, Clock clock) {
        requireTwoUsers(command);
        if (!banningHosts.contains(command.hostId())) {
            apply(new GuestBanned(id(command), command.hostId(), command.guestId(), command.reason(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(UnbanGuest command, Clock clock) {
        if (banningHosts.contains(command.hostId())) {
            apply(new GuestUnbanned(relationshipId, command.hostId(), command.guestId(), clock.instant()));
        }
    }

    private void endBecauseBlocked(RelationshipId id, UserId followerId, UserId followeeId, Instant now) {
        FollowState state = follows.get(followerId);
        if (state == FollowState.FOLLOWING) {
            apply(new FollowEnded(id, followerId, followeeId, FollowEndReason.BLOCKED, now));
        } else if (state == FollowState.REQUESTED) {
            apply(new FollowRequestClosed(id, followerId, followeeId, FollowRequestOutcome.BLOCKED, now));
        }
    }

    private void requirePendingRequest(UserId followerId) {
        if (follows.get(followerId) != FollowState.REQUESTED) {
            throw SoireeException.notFound("Follow request");
        }
    }

    private static void requireTwoUsers(RelationshipCommand command) {
        if (command.actorId().equals(command.otherId())) {
            // the controllers refuse this first, with the code that says which rule
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "A relationship needs two different users");
        }
    }

    /** The id while the aggregate is being created by this command, or the one it has. */
    private RelationshipId id(RelationshipCommand command) {
        return relationshipId != null ? relationshipId : command.relationshipId();
    }

    @EventSourcingHandler
    void on(FollowRequested event) {
        relationshipId = event.relationshipId();
        follows.put(event.followerId(), FollowState.REQUESTED);
        notifyOnPublish.put(event.followerId(), event.notifyOnPublish());
    }

    @EventSourcingHandler
    void on(UserFollowed event) {
        relationshipId = event.relationshipId();
        follows.put(event.followerId(), FollowState.FOLLOWING);
        notifyOnPublish.put(event.followerId(), event.notifyOnPublish());
    }

    @EventSourcingHandler
    void on(FollowPreferenceChanged event) {
        notifyOnPublish.put(event.followerId(), event.notifyOnPublish());
    }

    @EventSourcingHandler
    void on(FollowEnded event) {
        forget(event.followerId());
    }

    @EventSourcingHandler
    void on(FollowRequestClosed event) {
        forget(event.followerId());
    }

    @EventSourcingHandler
    void on(UserBlocked event) {
        relationshipId = event.relationshipId();
        blockers.add(event.blockerId());
    }

    @EventSourcingHandler
    void on(UserUnblocked event) {
        blockers.remove(event.blockerId());
    }

    @EventSourcingHandler
    void on(GuestBanned event) {
        relationshipId = event.relationshipId();
        banningHosts.add(event.hostId());
    }

    @EventSourcingHandler
    void on(GuestUnbanned event) {
        banningHosts.remove(event.hostId());
    }

    private void forget(@Nullable UserId followerId) {
        follows.remove(followerId);
        notifyOnPublish.remove(followerId);
    }
}
