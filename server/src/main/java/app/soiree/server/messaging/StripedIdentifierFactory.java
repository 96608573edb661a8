package app.soiree.server.messaging;

import app.soiree.api.RandomUuids;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's identifiers for messages (commands, events, and the result of every event each processor handles), as
 * random UUIDs like Axon's own default, but without the JDK's one shared generator: see {@link RandomUuids}.
 * Axon finds it through {@code META-INF/services/org.axonframework.common.IdentifierFactory}.
 */
public final class StripedIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return RandomUuids.next().toString();
    }
}
