package app.soiree.api.error;

import java.util.Optional;

/**
 * Writes this node can refuse from what it already knows, before anything is claimed, locked or written: a booking
 * for a tier the gathering has just found sold out, say. Asked by the edge before it claims the request's
 * {@code Idempotency-Key}, so a crowd refused for a known reason costs one short statement each instead of a claim,
 * a command and a remembered answer. An answer given here must be the one the request would get if it ran, and must
 * change nothing; when in doubt (a body it cannot read, a request naming an existing object), answer empty and let the
 * request run.
 */
public interface KnownRefusals {

    /** The refusal of a POST to {@code path} with this JSON {@code body}, when it is known without running it. */
    Optional<SoireeException> refusalOf(String path, byte[] body);
}
