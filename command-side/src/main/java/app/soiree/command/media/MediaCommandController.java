package app.soiree.command.media;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.FindGathering;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringView;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import app.soiree.api.media.AttachMedia;
import app.soiree.api.media.DeleteMedia;
import app.soiree.api.media.MediaAttachment;
import app.soiree.api.media.MediaDeletion;
import app.soiree.api.media.MediaId;
import app.soiree.api.media.MediaPurpose;
import app.soiree.api.media.MediaStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploading and deleting media, and attaching them as an avatar or a gathering's cover (chat attaches its own, when a
 * message is posted). Reading media is the query side's.
 */
@RestController
@Tag(name = "Media")
class MediaCommandController {

    private final MediaUploads uploads;
    private final CommandGateway commands;
    private final QueryGateway queries;

    MediaCommandController(MediaUploads uploads, CommandGateway commands, QueryGateway queries) {
        this.uploads = uploads;
        this.commands = commands;
        this.queries = queries;
    }

    /** The multipart parser keeps the file on disk past a small threshold: reading it here streams it, never holds it. */
    @PostMapping(path = "/api/media", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload an image or a voice note (multipart parts \"file\" and \"purpose\")",
            description = "The type is read from the bytes. 413 MEDIA_TOO_LARGE, 415 MEDIA_TYPE_NOT_ALLOWED, 429 MEDIA_QUOTA_EXCEEDED. "
                    + "Answered PROCESSING; media.ready or media.rejected follows on the socket.")
    UploadResponse upload(@RequestPart("file") MultipartFile file, @RequestParam("purpose") MediaPurpose purpose, Actor actor) {
        try (InputStream content = file.getInputStream()) {
            MediaUploads.Accepted accepted = uploads.upload(actor.userId(), purpose, content, file.getSize());
            return new UploadResponse(accepted.mediaId(), MediaStatus.PROCESSING, purpose.kind().name(), accepted.contentType(),
                    accepted.sizeBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DeleteMapping("/api/media/{mediaId}")
    @Operation(summary = "Delete a medium (its uploader while it is not attached; support at any time)")
    ResponseEntity<Void> delete(@PathVariable MediaId mediaId, Actor actor) {
        boolean support = actor.has(Role.SUPPORT);
        commands.sendAndWait(new DeleteMedia(mediaId, actor.userId(), support,
                support ? MediaDeletion.Reason.BY_SUPPORT : MediaDeletion.Reason.BY_UPLOADER));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/me/avatar")
    @Operation(summary = "Show one of your ready AVATAR uploads as your avatar; the one it replaces is deleted")
    ResponseEntity<Void> setAvatar(@RequestBody AttachRequest request, Actor actor) {
        commands.sendAndWait(new AttachMedia(request.mediaId(), actor.userId(), MediaAttachment.avatar(actor.userId().value())));
        return ResponseEntity.ok().build();
    }

    @PutMapping("/api/gatherings/{gatheringId}/cover")
    @Operation(summary = "Show one of your ready GATHERING_COVER uploads as your gathering's cover (its host); the one it replaces is deleted")
    ResponseEntity<Void> setCover(@PathVariable GatheringId gatheringId, @RequestBody AttachRequest request, Actor actor) {
        GatheringView gathering = queries.query(new FindGathering(gatheringId, actor.userId()),
                ResponseTypes.instanceOf(GatheringView.class)).join();
        if (gathering == null || !gathering.hostId().equals(actor.userId())) {
            throw SoireeException.notFound("Gathering " + gatheringId);
        }
        commands.sendAndWait(new AttachMedia(request.mediaId(), actor.userId(), MediaAttachment.cover(gatheringId.value())));
        return ResponseEntity.ok().build();
    }

    record AttachRequest(@NotNull MediaId mediaId) {
    }

    record UploadResponse(MediaId mediaId, MediaStatus status, String kind, String contentType, long sizeBytes) {
    }

    /**
     * A file larger than any purpose allows stops in the multipart parser (its limits match {@code soiree.media.*}); it is
     * answered here in the API's words. Multipart is resolved lazily, so this controller sees it.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "The upload is larger than any media may be");
        problem.setType(URI.create("https://soiree.app/problems/media-too-large"));
        problem.setTitle(HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
        problem.setProperty("code", ErrorCode.MEDIA_TOO_LARGE.name());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
