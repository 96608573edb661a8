package app.soiree.command.media;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.api.media.AttachMedia;
import app.soiree.api.media.CompleteMediaProcessing;
import app.soiree.api.media.DeleteMedia;
import app.soiree.api.media.DetachMedia;
import app.soiree.api.media.MediaAttached;
import app.soiree.api.media.MediaAttachment;
import app.soiree.api.media.MediaDeleted;
import app.soiree.api.media.MediaDeletion;
import app.soiree.api.media.MediaDetached;
import app.soiree.api.media.MediaFacts;
import app.soiree.api.media.MediaId;
import app.soiree.api.media.MediaObjects;
import app.soiree.api.media.MediaProcessed;
import app.soiree.api.media.MediaPurpose;
import app.soiree.api.media.MediaRejected;
import app.soiree.api.media.MediaStatus;
import app.soiree.api.media.MediaUploaded;
import app.soiree.api.media.MediaVariant;
import app.soiree.api.media.RegisterUpload;
import app.soiree.api.media.RejectMedia;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.Nullable;

/**
 * One uploaded file, from upload to deletion: processed once (ready or rejected, whichever answer comes first), attached
 * to at most one thing, and deleted by its uploader while unattached, by support at any time, with what it is attached
 * to, or by the platform when nobody attached it in time. Two durable deadlines keep it from lingering: one rejects it
 * if processing never answers, one deletes it if it is never attached.
 */
@Aggregate
public class Medium {

    static final String PROCESSING_DEADLINE = "media-processing";
    static final String UNATTACHED_DEADLINE = "media-unattached";
    // Deadlines carry the medium's id: Axon takes a deadline handler's first parameter for its payload.

    @AggregateIdentifier
    private MediaId mediaId;
    private UserId uploaderId;
    private MediaPurpose purpose;
    private MediaStatus status;
    private @Nullable MediaFacts facts;
    private @Nullable MediaAttachment attachment;

    protected Medium() {
        // for Axon's event sourcing
    }

    @CommandHandler
    Medium(RegisterUpload command, Clock clock, DeadlineManager deadlines, MediaProperties properties) {
        apply(new MediaUploaded(command.mediaId(), command.uploaderId(), command.purpose(), command.purpose().kind(), command.contentType(),
                command.sizeBytes(), clock.instant()));
        deadlines.schedule(properties.processingTimeout(), PROCESSING_DEADLINE, command.mediaId());
        deadlines.schedule(properties.unattachedTtl(), UNATTACHED_DEADLINE, command.mediaId());
    }

    @CommandHandler
    void handle(CompleteMediaProcessing command, Clock clock) {
        if (status == MediaStatus.PROCESSING) {
            apply(new MediaProcessed(mediaId, uploaderId, command.facts(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(RejectMedia command, Clock clock) {
        if (status == MediaStatus.PROCESSING) {
            apply(new MediaRejected(mediaId, uploaderId, command.reason(), clock.instant()));
        }
    }

    @DeadlineHandler(deadlineName = PROCESSING_DEADLINE)
    void processingTimedOut(MediaId deadlineFor, Clock clock) {
        if (status == MediaStatus.PROCESSING) {
            apply(new MediaRejected(mediaId, uploaderId, "Processing did not finish in time", clock.instant()));
        }
    }

    /** @return what processing learned, for the message, profile or gathering that shows the medium */
    @CommandHandler
    MediaFacts handle(AttachMedia command, Clock clock) {
        if (!command.requestedBy().equals(uploaderId) || status == MediaStatus.DELETED) {
            throw SoireeException.notFound("Media " + mediaId);
        }
        if (status != MediaStatus.READY || facts == null) {
            throw new SoireeException(ErrorCode.MEDIA_NOT_READY, "Media " + mediaId + " is " + status.name().toLowerCase()
                    + ", not ready to be attached");
        }
        if (purpose.attachesTo() != command.attachment().kind()) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "Media " + mediaId + " was uploaded as " + purpose
                    + " and cannot be attached as " + command.attachment().kind());
        }
        if (attachment == null) {
            apply(new MediaAttached(mediaId, uploaderId, command.attachment(), clock.instant()));
        } else if (!attachment.equals(command.attachment())) {
            throw new SoireeException(ErrorCode.MEDIA_ALREADY_ATTACHED, "Media " + mediaId + " is attached to something else");
        }
        return facts;
    }

    @CommandHandler
    void handle(DetachMedia command, Clock clock, DeadlineManager deadlines, MediaProperties properties) {
        if (command.attachment().equals(attachment) && status != MediaStatus.DELETED) {
            apply(new MediaDetached(mediaId, uploaderId, command.attachment(), clock.instant()));
            deadlines.schedule(properties.unattachedTtl(), UNATTACHED_DEADLINE, command.mediaId()); // unattached again: the clock starts again
        }
    }

    @CommandHandler
    void handle(DeleteMedia command, Clock clock) {
        if (status == MediaStatus.DELETED) {
            return;
        }
        boolean platform = command.requestedBy() == null;
        boolean uploaderWhileUnattached = uploaderId.equals(command.requestedBy()) && attachment == null;
        if (!platform && !command.support() && !uploaderWhileUnattached) {
            if (!uploaderId.equals(command.requestedBy())) {
                throw SoireeException.notFound("Media " + mediaId);
            }
            throw new SoireeException(ErrorCode.STATE_CONFLICT, "Media " + mediaId
                    + " is attached; delete the message, or replace the avatar or cover, instead");
        }
        apply(new MediaDeleted(mediaId, uploaderId, command.requestedBy(), command.reason(), objectKeys(), clock.instant()));
    }

    @DeadlineHandler(deadlineName = UNATTACHED_DEADLINE)
    void unattachedTooLong(MediaId deadlineFor, Clock clock) {
        if (attachment == null && status != MediaStatus.DELETED) {
            apply(new MediaDeleted(mediaId, uploaderId, null, MediaDeletion.Reason.UNATTACHED, objectKeys(), clock.instant()));
        }
    }

    /** Every object this medium may have in the store; deleting one that was never written is harmless. */
    private List<String> objectKeys() {
        List<String> keys = new ArrayList<>();
        keys.add(MediaObjects.upload(mediaId));
        for (String variant : List.of(MediaVariant.ORIGINAL, MediaVariant.DISPLAY, MediaVariant.THUMBNAIL)) {
            keys.add(MediaObjects.variant(mediaId, variant));
        }
        return keys;
    }

    @EventSourcingHandler
    void on(MediaUploaded event) {
        mediaId = event.mediaId();
        uploaderId = event.uploaderId();
        purpose = event.purpose();
        status = MediaStatus.PROCESSING;
    }

    @EventSourcingHandler
    void on(MediaProcessed event) {
        status = MediaStatus.READY;
        facts = event.facts();
    }

    @EventSourcingHandler
    void on(MediaRejected event) {
        status = MediaStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(MediaAttached event) {
        attachment = event.attachment();
    }

    @EventSourcingHandler
    void on(MediaDetached event) {
        attachment = null;
    }

    @EventSourcingHandler
    void on(MediaDeleted event) {
        status = MediaStatus.DELETED;
    }
}
