package app.soiree.command.social;

import app.soiree.api.RandomUuids;
import app.soiree.api.error.CommandFailures;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.InvalidFieldsException;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.PostAnnouncement;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.social.ApproveFollowRequest;
import app.soiree.api.social.BanGuest;
import app.soiree.api.social.BlockUser;
import app.soiree.api.social.ChangePrivacy;
import app.soiree.api.social.FollowState;
import app.soiree.api.social.FollowUser;
import app.soiree.api.social.PrivacySettings;
import app.soiree.api.social.RejectFollowRequest;
import app.soiree.api.social.RemoveFollower;
import app.soiree.api.social.UnbanGuest;
import app.soiree.api.social.UnblockUser;
import app.soiree.api.social.UnfollowUser;
import app.soiree.command.identity.Accounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The social writes: follow and unfollow, follow requests, removing a follower, blocking, privacy, a host's bans
 * and a gathering's announcements. Reading the graph, the lists and the feed is the query side's.
 *
 * <p>Undoing what is not there (unfollowing someone never followed, unblocking someone never blocked) answers
 * 204 like undoing it the first time, so a retried request and a stale client both get what they asked for.
 */
@RestController
@Tag(name = "Social")
class SocialCommandController {

    private final CommandGateway commands;
    private final Accounts accounts;
    private final SocialDirectory directory;
    private final SocialProperties properties;

    SocialCommandController(CommandGateway commands, Accounts accounts, SocialDirectory directory, SocialProperties properties) {
        this.commands = commands;
        this.accounts = accounts;
        this.directory = directory;
        this.properties = properties;
    }

    @PostMapping("/api/users/{userId}/follow")
    @Operation(summary = "Follow a user, or ask to when they approve their followers; following again changes only notifyOnPublish")
    FollowResponse follow(@PathVariable UserId userId, @RequestBody(required = false) @Nullable FollowRequest request, Actor actor) {
        if (userId.equals(actor.userId())) {
            throw new SoireeException(ErrorCode.CANNOT_FOLLOW_SELF, "You cannot follow yourself");
        }
        requireRegistered(userId);
        boolean notifyOnPublish = request != null && Boolean.TRUE.equals(request.notifyOnPublish());
        FollowState state = commands.sendAndWait(new FollowUser(actor.userId(), userId, notifyOnPublish, directory.approvesFollowers(userId)));
        return new FollowResponse(state);
    }

    @DeleteMapping("/api/users/{userId}/follow")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop following a user, or withdraw the request to")
    void unfollow(@PathVariable UserId userId, Actor actor) {
        undo(userId, actor, new UnfollowUser(actor.userId(), userId));
    }

    @PostMapping("/api/me/follow-requests/{userId}/approve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Let a user who asked follow you; 404 when they did not ask")
    void approve(@PathVariable UserId userId, Actor actor) {
        requireOther(userId, actor);
        commands.sendAndWait(new ApproveFollowRequest(actor.userId(), userId));
    }

    @PostMapping("/api/me/follow-requests/{userId}/reject")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Turn a follow request down; 404 when there is none")
    void reject(@PathVariable UserId userId, Actor actor) {
        requireOther(userId, actor);
        commands.sendAndWait(new RejectFollowRequest(actor.userId(), userId));
    }

    @DeleteMapping("/api/me/followers/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove one of your followers")
    void removeFollower(@PathVariable UserId userId, Actor actor) {
        undo(userId, actor, new RemoveFollower(actor.userId(), userId));
    }

    @PostMapping("/api/users/{userId}/block")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Block a user: ends the follows both ways and hides each of you from the other")
    void block(@PathVariable UserId userId, Actor actor) {
        requireOther(userId, actor);
        requireRegistered(userId);
        commands.sendAndWait(new BlockUser(actor.userId(), userId));
    }

    @DeleteMapping("/api/users/{userId}/block")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Lift your block (the follows it ended do not come back)")
    void unblock(@PathVariable UserId userId, Actor actor) {
        undo(userId, actor, new UnblockUser(actor.userId(), userId));
    }

    @PutMapping("/api/me/privacy")
    @Operation(summary = "Whether follows wait for your approval, and who sees your follower and following lists")
    PrivacySettings privacy(@Valid @RequestBody PrivacyRequest request, Actor actor) {
        PrivacySettings settings = new PrivacySettings(request.approveFollowers(), request.followersVisible(), request.followingVisible());
        commands.sendAndWait(new ChangePrivacy(actor.userId(), settings));
        return settings;
    }

    @PostMapping("/api/me/banned-guests")
    @Operation(summary = "Bar a user from booking your gatherings from now on (422 BANNED_BY_HOST when they try)")
    ResponseEntity<Void> ban(@Valid @RequestBody BanRequest request, Actor actor) {
        if (!actor.has(Role.HOST)) {
            throw new SoireeException(ErrorCode.FORBIDDEN, "Only hosts bar guests from their gatherings");
        }
        requireOther(request.userId(), actor);
        requireRegistered(request.userId());
        commands.sendAndWait(new BanGuest(actor.userId(), request.userId(), request.reason()));
        return ResponseEntity.created(URI.create("/api/me/banned-guests")).build();
    }

    @DeleteMapping("/api/me/banned-guests/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Let a barred user book your gatherings again")
    void unban(@PathVariable UserId userId, Actor actor) {
        undo(userId, actor, new UnbanGuest(actor.userId(), userId));
    }

    @PostMapping("/api/gatherings/{gatheringId}/announcements")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Tell the gathering's booked guests and the followers who asked to hear of it; a few per gathering")
    AnnouncementResponse announce(@PathVariable GatheringId gatheringId, @Valid @RequestBody AnnouncementRequest request, Actor actor) {
        String text = request.text().strip();
        if (text.length() > properties.announcementMaxLength()) {
            throw InvalidFieldsException.of("text", "must be at most " + properties.announcementMaxLength() + " characters");
        }
        UUID announcementId = RandomUuids.next();
        commands.sendAndWait(new PostAnnouncement(gatheringId, announcementId, actor.userId(), text, properties.announcementsPerGathering()));
        return new AnnouncementResponse(announcementId);
    }

    private void requireRegistered(UserId userId) {
        if (!accounts.unregistered(List.of(userId)).isEmpty()) {
            throw SoireeException.notFound("User " + userId);
        }
    }

    private static void requireOther(UserId userId, Actor actor) {
        if (userId.equals(actor.userId())) {
            throw SoireeException.notFound("User " + userId);
        }
    }

    /** A pair with no history has no aggregate to undo anything in: that is the same as nothing to undo. */
    private void undo(UserId userId, Actor actor, Object command) {
        if (userId.equals(actor.userId())) {
            return;
        }
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException failure) {
            if (CommandFailures.codeOf(failure).orElse(null) != ErrorCode.NOT_FOUND) {
                throw failure;
            }
        }
    }

    record FollowRequest(@Nullable Boolean notifyOnPublish) {
    }

    record FollowResponse(FollowState state) {
    }

    record PrivacyRequest(@NotNull Boolean approveFollowers, @NotNull Boolean followersVisible, @NotNull Boolean followingVisible) {
    }

    record BanRequest(@NotNull UserId userId, @Nullable @Size(max = 500) String reason) {
    }

    record AnnouncementRequest(@NotBlank @Size(max = 10_000) String text) {
    }

    record AnnouncementResponse(UUID announcementId) {
    }
}
