package app.soiree.command.chat;

import app.soiree.api.chat.AddMembers;
import app.soiree.api.chat.BanMember;
import app.soiree.api.chat.ChangeConversationSettings;
import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.ConversationRules;
import app.soiree.api.chat.MuteMember;
import app.soiree.api.chat.RemoveMember;
import app.soiree.api.chat.StartDirectConversation;
import app.soiree.api.chat.StartGroupConversation;
import app.soiree.api.chat.UnbanMember;
import app.soiree.api.chat.UnmuteMember;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.command.social.Blocks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Starting conversations and running them: members, settings, mutes and bans. Messages are {@link MessageCommandController}'s. */
@RestController
@Tag(name = "Chat")
class ConversationCommandController {

    private final CommandGateway commands;
    private final KnownUsers users;
    private final Blocks blocks;

    ConversationCommandController(CommandGateway commands, KnownUsers users, Blocks blocks) {
        this.commands = commands;
        this.users = users;
        this.blocks = blocks;
    }

    @PostMapping("/api/conversations/direct")
    @Operation(summary = "Open the direct conversation with another user: the same id every time for the same pair (201 when new, else 200)")
    ResponseEntity<ConversationIdResponse> direct(@Valid @RequestBody DirectRequest request, Actor actor) {
        UserId other = request.userId();
        users.requireKnown(List.of(other));
        if (blocks.eitherBlocked(actor.userId(), other)) {
            throw new SoireeException(ErrorCode.BLOCKED, "One of you blocked the other");
        }
        ConversationId conversationId = ConversationId.direct(actor.userId(), other);
        boolean created = Boolean.TRUE.equals(commands.sendAndWait(new StartDirectConversation(conversationId, actor.userId(), other)));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(new ConversationIdResponse(conversationId));
    }

    @PostMapping("/api/conversations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a group the caller owns (at most 256 members, the owner included)")
    ConversationIdResponse group(@Valid @RequestBody GroupRequest request, Actor actor) {
        List<UserId> memberIds = request.memberIds().stream().distinct().toList();
        users.requireKnown(memberIds);
        ConversationId conversationId = ConversationId.random();
        commands.sendAndWait(new StartGroupConversation(conversationId, actor.userId(), request.title(), memberIds));
        return new ConversationIdResponse(conversationId);
    }

    @PatchMapping("/api/conversations/{conversationId}")
    @Operation(summary = "Change a conversation's title, slow mode or read-only flag (a group's owner, a gathering's host, support)")
    ResponseEntity<Void> settings(@PathVariable ConversationId conversationId, @Valid @RequestBody SettingsRequest request, Actor actor) {
        commands.sendAndWait(new ChangeConversationSettings(conversationId, actor.userId(), actor.has(Role.SUPPORT), request.title(),
                request.slowModeSeconds(), request.readOnly()));
        return ResponseEntity.ok().build();
    }

    @PostMapping("/api/conversations/{conversationId}/members")
    @Operation(summary = "Add members to a group (its owner); 422 MEMBERSHIP_IS_DERIVED for a gathering's conversation")
    ResponseEntity<Void> addMembers(@PathVariable ConversationId conversationId, @Valid @RequestBody MembersRequest request, Actor actor) {
        List<UserId> userIds = request.userIds().stream().distinct().toList();
        users.requireKnown(userIds);
        commands.sendAndWait(new AddMembers(conversationId, actor.userId(), userIds));
        return ResponseEntity.ok().build();
    }

    @DeleteMapping("/api/conversations/{conversationId}/members/{userId}")
    @Operation(summary = "Remove a member of a group (its owner), or leave it (the member)")
    ResponseEntity<Void> removeMember(@PathVariable ConversationId conversationId, @PathVariable UserId userId, Actor actor) {
        commands.sendAndWait(new RemoveMember(conversationId, actor.userId(), userId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/conversations/{conversationId}/mutes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Mute a member until a time or for good (a gathering's host, a group's owner, support)")
    void mute(@PathVariable ConversationId conversationId, @Valid @RequestBody ModerationRequest request, Actor actor) {
        commands.sendAndWait(new MuteMember(conversationId, actor.userId(), actor.has(Role.SUPPORT), request.userId(),
                request.until(), request.reason()));
    }

    @DeleteMapping("/api/conversations/{conversationId}/mutes/{userId}")
    @Operation(summary = "Lift a mute")
    ResponseEntity<Void> unmute(@PathVariable ConversationId conversationId, @PathVariable UserId userId, Actor actor) {
        commands.sendAndWait(new UnmuteMember(conversationId, actor.userId(), actor.has(Role.SUPPORT), userId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/conversations/{conversationId}/bans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ban a user from the conversation: removed at once, kept out until a time or for good")
    void ban(@PathVariable ConversationId conversationId, @Valid @RequestBody ModerationRequest request, Actor actor) {
        commands.sendAndWait(new BanMember(conversationId, actor.userId(), actor.has(Role.SUPPORT), request.userId(),
                request.until(), request.reason()));
    }

    @DeleteMapping("/api/conversations/{conversationId}/bans/{userId}")
    @Operation(summary = "Lift a ban")
    ResponseEntity<Void> unban(@PathVariable ConversationId conversationId, @PathVariable UserId userId, Actor actor) {
        commands.sendAndWait(new UnbanMember(conversationId, actor.userId(), actor.has(Role.SUPPORT), userId));
        return ResponseEntity.noContent().build();
    }

    record ConversationIdResponse(ConversationId conversationId) {
    }

    record DirectRequest(@NotNull UserId userId) {
    }

    record GroupRequest(@NotBlank @Size(max = ConversationRules.MAX_TITLE_LENGTH) String title,
                        @NotNull @Size(max = ConversationRules.MAX_GROUP_MEMBERS - 1) List<@NotNull UserId> memberIds) {
    }

    record SettingsRequest(@Nullable @Size(min = 1, max = ConversationRules.MAX_TITLE_LENGTH) String title,
                           @Nullable @Min(0) @Max(ConversationRules.MAX_SLOW_MODE_SECONDS) Integer slowModeSeconds,
                           @Nullable Boolean readOnly) {
    }

    record MembersRequest(@NotEmpty @Size(max = ConversationRules.MAX_GROUP_MEMBERS) List<@NotNull UserId> userIds) {
    }

    record ModerationRequest(@NotNull UserId userId, @Nullable Instant until,
                             @NotBlank @Size(max = ConversationRules.MAX_REASON_LENGTH) String reason) {
    }
}
