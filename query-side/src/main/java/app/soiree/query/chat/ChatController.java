package app.soiree.query.chat;

import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.ConversationKind;
import app.soiree.api.identity.Actor;
import app.soiree.query.paging.PageLimit;
import app.soiree.query.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chat as members read it. Served by the query role from its own read model (no query bus hop: these
 * answers are only ever asked for here); the read marker is written here too, as it is the member's
 * state in the read model and never an event.
 */
@RestController
@Tag(name = "Chat")
class ChatController {

    static final int DEFAULT_CHANGES = 100;

    private final ConversationReads reads;
    private final ReadMarkers readMarkers;

    ChatController(ConversationReads reads, ReadMarkers readMarkers) {
        this.reads = reads;
        this.readMarkers = readMarkers;
    }

    @GetMapping("/api/me/conversations")
    @Operation(summary = "The signed-in user's conversations, most recent activity first, with unread counts",
            description = "Keep the syncToken: after a reconnect, updatedSince=<syncToken> lists only the conversations that changed "
                    + "for you since (new changes, your read marker, a mute, your removal: then removed is true), then read "
                    + "/changes?afterSeq=<last seen> of each. A conversation may come back more than once; none is missed. "
                    + "Later pages hand out the first page's syncToken.")
    ConversationReads.ConversationListing conversations(
            Actor actor,
            @RequestParam(required = false) @Nullable ConversationKind kind,
            @Parameter(description = "a syncToken from an earlier listing") @RequestParam(required = false) @Nullable String updatedSince,
            @RequestParam(required = false) @Nullable String cursor,
            @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Min(1) @Max(PageLimit.MAX) @Nullable Integer limit) {
        return reads.list(actor.userId(), kind, SyncToken.decode(updatedSince), ListingCursor.decode(cursor), PageLimit.validated(limit));
    }

    @GetMapping("/api/conversations/{conversationId}")
    @Operation(summary = "A conversation with its members and settings (members only; 404 for anyone else)")
    ConversationView conversation(@PathVariable UUID conversationId, Actor actor) {
        return reads.conversation(new ConversationId(conversationId), actor.userId());
    }

    @GetMapping("/api/conversations/{conversationId}/messages")
    @Operation(summary = "A conversation's messages, newest first (members only)",
            description = "The next page: beforeSeq=<nextCursor>. Deleted messages keep their place, without content.")
    PageResponse<MessageView> messages(@PathVariable UUID conversationId, Actor actor,
                                       @Parameter(description = "only messages with a lower seq") @RequestParam(required = false) @Min(1)
                                       @Nullable Long beforeSeq,
                                       @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Min(1)
                                       @Max(PageLimit.MAX) @Nullable Integer limit) {
        return reads.messages(new ConversationId(conversationId), actor.userId(), beforeSeq, PageLimit.validated(limit));
    }

    @GetMapping("/api/conversations/{conversationId}/changes")
    @Operation(summary = "A conversation's changes after a seq, in order, none left out and none twice (members only)",
            description = "Each message change carries the message as it is now. While hasMore, ask again after the last item's seq.")
    ChangePage changes(@PathVariable UUID conversationId, Actor actor,
                       @Parameter(description = "default 0: from the start") @RequestParam(required = false) @PositiveOrZero @Nullable Long afterSeq,
                       @Parameter(description = "1 to 500, default 100") @RequestParam(required = false) @Min(1)
                       @Max(ConversationReads.MAX_CHANGES) @Nullable Integer limit) {
        return reads.changes(new ConversationId(conversationId), actor.userId(), afterSeq == null ? 0 : afterSeq,
                limit == null ? DEFAULT_CHANGES : limit);
    }

    @PostMapping("/api/conversations/{conversationId}/read")
    @Operation(summary = "Moves the signed-in member's read marker up to seq (members only)",
            description = "A seq at or below the current marker changes nothing; one beyond the newest seq marks everything read.")
    ResponseEntity<Void> read(@PathVariable UUID conversationId, @Valid @RequestBody ReadRequest request, Actor actor) {
        readMarkers.markRead(new ConversationId(conversationId), actor.userId(), request.seq());
        return ResponseEntity.noContent().build();
    }

    record ReadRequest(@NotNull @PositiveOrZero Long seq) {
    }
}
