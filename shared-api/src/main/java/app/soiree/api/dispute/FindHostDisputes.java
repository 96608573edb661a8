package app.soiree.api.dispute;

import app.soiree.api.identity.UserId;
import org.jspecify.annotations.Nullable;

/** A host's own disputes, newest first. */
public record FindHostDisputes(UserId hostId, @Nullable String cursor, int limit) {
}
