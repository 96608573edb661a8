package app.soiree.command.media;

import app.soiree.api.media.MediaFacts;
import app.soiree.api.media.MediaId;
import app.soiree.api.media.MediaObjects;
import app.soiree.api.media.MediaVariant;
import app.soiree.store.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Makes an uploaded voice note servable: its container read for the duration (never trusting a header that may be
 * missing: Chrome's WebM recordings have none) and a waveform, its metadata blanked in place (tags, user data: where a
 * phone may write a location), and stored as its {@code original}. There is no audio decoder in pure Java for AAC or
 * Opus, so the waveform is the compressed size of each slice of time, which follows loudness closely for these
 * variable-rate codecs: good enough to draw, not to measure.
 */
@Component
class VoiceNoteProcessing {

    private final ObjectStore store;
    private final MediaProperties properties;

    VoiceNoteProcessing(ObjectStore store, MediaProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    MediaFacts process(MediaId mediaId, String contentType) throws IOException, UnacceptableMedia {
        byte[] recording;
        try (InputStream in = store.open(MediaObjects.upload(mediaId))) {
            recording = in.readAllBytes(); // at most soiree.media.max-voice-note-size: the upload checked it
        }
        AudioContainers.Reading reading = switch (contentType) {
            case "audio/mp4" -> AudioContainers.mp4(recording);
            case "audio/ogg" -> AudioContainers.ogg(recording);
            case "audio/webm" -> AudioContainers.webm(recording);
            default -> throw new UnacceptableMedia("Voice notes must be M4A, Ogg Opus or WebM Opus");
        };
        if (reading.durationMs() <= 0) {
            throw new UnacceptableMedia("The recording is empty");
        }
        if (reading.durationMs() > properties.maxVoiceNoteDuration().toMillis()) {
            throw new UnacceptableMedia("A voice note may last at most " + properties.maxVoiceNoteDuration().toSeconds()
                    + " seconds; this one lasts " + reading.durationMs() / 1000 + "");
        }
        store.put(MediaObjects.variant(mediaId, MediaVariant.ORIGINAL), new ByteArrayInputStream(recording), recording.length, contentType);
        return new MediaFacts(null, null, reading.durationMs(), reading.waveform(),
                List.of(new MediaVariant(MediaVariant.ORIGINAL, contentType, recording.length, null, null)));
    }
}
