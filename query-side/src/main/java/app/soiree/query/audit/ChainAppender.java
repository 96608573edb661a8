package app.soiree.query.audit;

import app.soiree.query.audit.ChainStore.NewLink;
import app.soiree.query.audit.ChainStore.Tip;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;

/**
 * Extends the hash chain by one link per stored event, in the order the chain's tracking processor
 * receives them (one segment, one thread: the stream's global order). Every event, whatever its type:
 * the handler takes the message itself, so no payload is deserialised and one that can no longer be read
 * is chained all the same. The link is written in the processor's transaction, with its token.
 *
 * <p>A redelivered event (a batch retried after a failure, a reset processor) finds its link already
 * there and adds nothing; its link was computed when it was first seen and stays as it was. Not a Spring
 * bean: it is registered with Axon by {@link ChainProcessing}, which gives it the event store's own
 * serializer.
 */
@ProcessingGroup(ChainAppender.PROCESSING_GROUP)
final class ChainAppender {

    static final String PROCESSING_GROUP = "audit-chain";

    private final ChainStore store;
    private final StoredPositions positions;
    private final Serializer storeSerializer;
    private final Clock clock;

    ChainAppender(ChainStore store, StoredPositions positions, Serializer storeSerializer, Clock clock) {
        this.store = store;
        this.positions = positions;
        this.storeSerializer = storeSerializer;
        this.clock = clock;
    }

    @EventHandler
    void on(EventMessage<?> message, TrackingToken token) {
        long position = positions.of(message, token);
        if (store.isLinked(position)) {
            return;
        }
        Optional<Tip> tip = store.tip();
        String previousHash = tip.map(Tip::hash).orElse(ChainLinks.GENESIS);
        long chainSeq = tip.map(Tip::chainSeq).orElse(0L) + 1;
        String hash = ChainLinks.next(previousHash, ChainedEvent.asStored(message, storeSerializer));
        store.append(new NewLink(chainSeq, position, message.getIdentifier(), previousHash, hash, message.getTimestamp()), clock.instant());
    }
}
