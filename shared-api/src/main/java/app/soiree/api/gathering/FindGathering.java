package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import org.jspecify.annotations.Nullable;

/** Answered with a {@link GatheringView}, or null when there is none the viewer may see (drafts are their host's only). */
public record FindGathering(GatheringId gatheringId, @Nullable UserId viewer) {
}
