package app.soiree.command.media;

import app.soiree.api.media.CompleteMediaProcessing;
import app.soiree.api.media.MediaFacts;
import app.soiree.api.media.MediaKind;
import app.soiree.api.media.MediaUploaded;
import app.soiree.api.media.RejectMedia;
import java.io.IOException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns each upload into servable variants, after the upload was answered. A file that cannot be served ends as
 * {@code REJECTED} with its reason; a failure of the platform itself (the store unreachable) is retried by the processor
 * with backoff. Writing the variants again and answering twice are both harmless: the keys are fixed and the medium
 * takes the first answer.
 */
@Component
@ProcessingGroup(MediaProcessing.PROCESSING_GROUP)
class MediaProcessing {

    static final String PROCESSING_GROUP = "media-processing";
    private static final Logger log = LoggerFactory.getLogger(MediaProcessing.class);

    private final ImageProcessing images;
    private final VoiceNoteProcessing voiceNotes;
    private final CommandGateway commands;

    MediaProcessing(ImageProcessing images, VoiceNoteProcessing voiceNotes, CommandGateway commands) {
        this.images = images;
        this.voiceNotes = voiceNotes;
        this.commands = commands;
    }

    @EventHandler
    void on(MediaUploaded event) throws IOException {
        MediaFacts facts;
        try {
            facts = event.kind() == MediaKind.IMAGE ? images.process(event.mediaId())
                    : voiceNotes.process(event.mediaId(), event.contentType());
        } catch (UnacceptableMedia e) {
            log.info("Media {} ({}) rejected: {}", event.mediaId(), event.contentType(), e.getMessage());
            commands.sendAndWait(new RejectMedia(event.mediaId(), e.getMessage()));
            return;
        } catch (OutOfMemoryError e) {
            // the pixel limit keeps decoding small; this is the last line of defence, not the plan
            commands.sendAndWait(new RejectMedia(event.mediaId(), "The file is too large to process"));
            return;
        }
        commands.sendAndWait(new CompleteMediaProcessing(event.mediaId(), facts));
    }
}
