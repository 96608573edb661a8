package app.soiree.command.chat;

import static app.soiree.api.Idempotency.KEY_HEADER;

import app.soiree.api.chat.AddReaction;
import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.ConversationRules;
import app.soiree.api.chat.DeleteMessage;
import app.soiree.api.chat.EditMessage;
import app.soiree.api.chat.MessageId;
import app.soiree.api.chat.MessageReceipt;
import app.soiree.api.chat.MessageType;
import app.soiree.api.chat.PostMessage;
import app.soiree.api.chat.Reminder;
import app.soiree.api.chat.RemoveReaction;
import app.soiree.api.chat.ReportReason;
import app.soiree.api.chat.SealedText;
import app.soiree.api.error.CommandFailures;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.FindGathering;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringView;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import app.soiree.api.media.AttachMedia;
import app.soiree.api.media.DetachMedia;
import app.soiree.api.media.MediaAttachment;
import app.soiree.api.media.MediaFacts;
import app.soiree.api.media.MediaId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Posting, editing, deleting, reacting to and reporting messages. Text is sealed here, under a key
 * made for the message, before it enters a command: the stream never holds readable text.
 */
@RestController
@Tag(name = "Chat")
class MessageCommandController {


    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ContentKeys keys;
    private final MessageDirectory directory;
    private final MessageRateLimiter rateLimiter;
    private final TransactionTemplate transaction;
    private final MessageReports messageReports;

    MessageCommandController(CommandGateway commands, QueryGateway queries, ContentKeys keys, MessageDirectory directory,
                             MessageRateLimiter rateLimiter, TransactionTemplate transaction, MessageReports messageReports) {
        this.commands = commands;
        this.queries = queries;
        this.keys = keys;
        this.directory = directory;
        this.rateLimiter = rateLimiter;
        this.transaction = transaction;
        this.messageReports = messageReports;
    }

    @PostMapping("/api/conversations/{conversationId}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Post a message (members; Idempotency-Key required)")
    PostedResponse post(@PathVariable ConversationId conversationId, @Valid @RequestBody PostRequest request,
                        @RequestHeader(KEY_HEADER) String idempotencyKey, Actor actor) {
        rateLimiter.acquire(actor.userId());
        if (request.gatheringId() != null) {
            requireVisible(request.gatheringId(), actor);
        }
        MessageId messageId = MessageId.forRequest(actor.userId(), idempotencyKey);
        UUID keyId = messageId.value();
        List<MediaId> mediaIds = request.mediaIds() == null ? List.of() : request.mediaIds().stream().map(MediaId::new).distinct().toList();
        // The key and the lookup row commit before the command, which may run in another process.
        PostMessage command = transaction.execute(status -> {
            directory.recordBeforeThePost(messageId, conversationId);
            SealedText text = request.text() == null ? null : keys.sealNew(keyId, actor.userId(), clean(request.text(), "text"));
            Reminder reminder = request.reminder() == null ? null
                    : new Reminder(request.reminder().at(), keys.sealNew(keyId, actor.userId(), clean(request.reminder().text(), "reminder.text")));
            return new PostMessage(conversationId, messageId, actor.userId(), actor.has(Role.SUPPORT), request.type(), text,
                    mediaIds.stream().map(MediaId::value).toList(), request.gatheringId(), reminder, request.replyToMessageId());
        });
        MediaAttachment attachment = MediaAttachment.message(messageId.value(), conversationId.value());
        List<MediaId> attached = new ArrayList<>();
        try {
            // Each medium must be the sender's own, ready, and a chat upload of the message's kind; it is then the message's.
            // Other types carry none, which the conversation refuses: nothing is attached for them.
            boolean carriesMedia = request.type() == MessageType.IMAGE || request.type() == MessageType.VOICE_NOTE;
            for (MediaId mediaId : carriesMedia ? mediaIds : List.<MediaId>of()) {
                MediaFacts facts = commands.sendAndWait(new AttachMedia(mediaId, actor.userId(), attachment));
                attached.add(mediaId);
                requireKind(request.type(), mediaId, facts);
            }
            MessageReceipt receipt = commands.sendAndWait(command);
            return new PostedResponse(messageId, receipt.seq(), receipt.createdAt());
        } catch (RuntimeException e) {
            if (e instanceof SoireeException || CommandFailures.codeOf(e).isPresent()) {
                // Refused, so never posted: its key seals nothing, and its media may be sent again.
                // (After a timeout it may have been posted: the key and the attachments stay.)
                keys.destroy(keyId);
                attached.forEach(mediaId -> commands.sendAndWait(new DetachMedia(mediaId, attachment)));
            }
            throw e;
        }
    }

    /** An IMAGE message carries images, a VOICE_NOTE message voice notes; a TEXT message none (checked by the conversation). */
    private static void requireKind(MessageType type, MediaId mediaId, MediaFacts facts) {
        boolean voiceNote = facts.durationMs() != null;
        if ((type == MessageType.IMAGE && voiceNote) || (type == MessageType.VOICE_NOTE && !voiceNote)) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "Media " + mediaId + " is not " + (voiceNote ? "an image" : "a voice note")
                    + ", which a " + type + " message carries");
        }
    }

    @PatchMapping("/api/messages/{messageId}")
    @Operation(summary = "Edit a message's text (its author, within 15 minutes); 422 EDIT_WINDOW_CLOSED after")
    ResponseEntity<Void> edit(@PathVariable MessageId messageId, @Valid @RequestBody EditRequest request, Actor actor) {
        ConversationId conversationId = directory.conversationOf(messageId);
        SealedText text = keys.seal(messageId.value(), clean(request.text(), "text"));
        commands.sendAndWait(new EditMessage(conversationId, messageId, actor.userId(), text));
        return ResponseEntity.ok().build();
    }

    @DeleteMapping("/api/messages/{messageId}")
    @Operation(summary = "Delete a message (its author, the host in a gathering's conversation, support): its content is erased everywhere")
    ResponseEntity<Void> delete(@PathVariable MessageId messageId, Actor actor) {
        commands.sendAndWait(new DeleteMessage(directory.conversationOf(messageId), messageId, actor.userId(), actor.has(Role.SUPPORT)));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/messages/{messageId}/reactions/{emoji}")
    @Operation(summary = "React to a message (idempotent per user and emoji)")
    ResponseEntity<Void> react(@PathVariable MessageId messageId, @PathVariable String emoji, Actor actor) {
        commands.sendAndWait(new AddReaction(directory.conversationOf(messageId), messageId, actor.userId(), emoji));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/messages/{messageId}/reactions/{emoji}")
    @Operation(summary = "Take a reaction back (idempotent)")
    ResponseEntity<Void> unreact(@PathVariable MessageId messageId, @PathVariable String emoji, Actor actor) {
        commands.sendAndWait(new RemoveReaction(directory.conversationOf(messageId), messageId, actor.userId(), emoji));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/messages/{messageId}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report a message to support's moderation queue (members; once per member and message: again answers the same reportId)")
    ReportResponse report(@PathVariable MessageId messageId, @Valid @RequestBody ReportRequest request, Actor actor) {
        return new ReportResponse(messageReports.report(messageId, actor.userId(), request.reason(), request.note()).reportId());
    }

    private void requireVisible(GatheringId gatheringId, Actor actor) {
        GatheringView gathering = queries.query(new FindGathering(gatheringId, actor.userId()),
                ResponseTypes.instanceOf(GatheringView.class)).join();
        if (gathering == null) {
            throw SoireeException.notFound("Gathering " + gatheringId);
        }
    }

    private static String clean(String text, String field) {
        String stripped = text.strip();
        if (stripped.isEmpty() || stripped.length() > ConversationRules.MAX_TEXT_LENGTH) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, field + " must be 1 to " + ConversationRules.MAX_TEXT_LENGTH + " characters");
        }
        return stripped;
    }

    record PostRequest(@NotNull MessageType type, @Nullable @Size(max = ConversationRules.MAX_TEXT_LENGTH) String text,
                       @Nullable @Size(max = ConversationRules.MAX_MEDIA_PER_MESSAGE) List<@NotNull UUID> mediaIds,
                       @Nullable GatheringId gatheringId, @Nullable @Valid ReminderRequest reminder,
                       @Nullable MessageId replyToMessageId) {
    }

    record ReminderRequest(@NotNull Instant at, @NotBlank @Size(max = ConversationRules.MAX_TEXT_LENGTH) String text) {
    }

    record EditRequest(@NotBlank @Size(max = ConversationRules.MAX_TEXT_LENGTH) String text) {
    }

    record ReportRequest(@NotNull ReportReason reason, @Nullable @Size(max = ConversationRules.MAX_REASON_LENGTH) String note) {
    }

    record PostedResponse(MessageId messageId, long seq, Instant createdAt) {
    }

    record ReportResponse(UUID reportId) {
    }
}
