package app.soiree.api.media;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What processing learned of a medium: an image's size, a voice note's duration and a waveform for clients to draw. */
public record MediaFacts(@Nullable Integer width, @Nullable Integer height, @Nullable Long durationMs, List<Integer> waveform,
                         List<MediaVariant> variants) {

    public MediaFacts {
        waveform = List.copyOf(waveform);
        variants = List.copyOf(variants);
    }
}
