package app.soiree.query.audit;

import app.soiree.query.audit.ChainStore.NewLink;
import app.soiree.query.audit.ChainStore.Tip;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;

/**
 * Extends the hash chain by one link per stored event, in the order the chain's tracking processor
 * receives them (one segment, one thread: the stream's global order). Every event, whatever its type:
 * the handler takes the message itself, so no payload is deserialised and one that can no longer be read
 * is chained all the same. The link is written in the processor's transaction, with its token.
 *
 * <p>A redelivered event (a batch retried after a failure, a reset processor) finds its link already
 * there and adds nothing; its link was computed when it was first seen and stays as it was. A link is one
 * statement: the tip is carried through the batch and each day's head written once, as the batch commits. Not a Spring
 * bean: it is registered with Axon by {@link ChainProcessing}, which gives it the event store's own
 * serializer.
 */
@ProcessingGroup(ChainAppender.PROCESSING_GROUP)
final class ChainAppender {

    static final String PROCESSING_GROUP = "audit-chain";

    private final ChainStore store;
    /** One thread in stream order (ChainProcessing), so the tokens it is handed prove most positions. */
    private final DeliveredPositions positions;
    private final Serializer storeSerializer;
    private final Clock clock;

    ChainAppender(ChainStore store, StoredPositions positions, Serializer storeSerializer, Clock clock) {
        this.store = store;
        this.positions = new DeliveredPositions(positions);
        this.storeSerializer = storeSerializer;
        this.clock = clock;
    }

    @EventHandler
    void on(EventMessage<?> message, TrackingToken token) {
        long position = positions.of(message, token);
        Batch batch = batch();
        String previousHash = batch.tip.map(Tip::hash).orElse(ChainLinks.GENESIS);
        long chainSeq = batch.tip.map(Tip::chainSeq).orElse(0L) + 1;
        String hash = ChainLinks.next(previousHash, ChainedEvent.asStored(message, storeSerializer));
        NewLink link = new NewLink(chainSeq, position, message.getIdentifier(), previousHash, hash, message.getTimestamp());
        if (store.appendUnlessLinked(link, clock.instant())) {
            batch.tip = Optional.of(new Tip(chainSeq, hash));
            batch.heads.put(LocalDate.ofInstant(link.occurredAt(), ZoneOffset.UTC), link);
        }
    }

    /**
     * What this processor batch has chained so far: the tip is read once a batch, and each day's head moved once, as the
     * batch commits (with its links and its token). A batch that rolls back takes this with it.
     */
    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(Batch.class.getName(), key -> {
            Batch batch = new Batch(store.tip());
            unitOfWork.onPrepareCommit(committing -> batch.heads.values().forEach(head -> store.moveHead(head, clock.instant())));
            return batch;
        });
    }

    private static final class Batch {
        private Optional<Tip> tip;
        /** The last link of each day this batch chained. */
        private final Map<LocalDate, NewLink> heads = new HashMap<>();

        Batch(Optional<Tip> tip) {
            this.tip = tip;
        }
    }
}
