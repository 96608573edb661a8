package app.soiree.query.audit;

import app.soiree.query.audit.ChainStore.NewLink;
import app.soiree.query.audit.ChainStore.Tip;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * is chained all the same. The links are written in the processor's transaction, with its token.
 *
 * <p>A redelivered event (a batch retried after a failure, a reset processor) finds its link already
 * there and adds nothing; its link was computed when it was first seen and stays as it was. A processor batch is
 * chained as it commits, in a few statements however many events it carries: which of its events are linked
 * already and where the chain ends (one read each), its new links (one JDBC batch) and each day's head. Not a Spring
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
        // The event as stored is taken now, while its message is at hand; its link is computed as the batch commits.
        delivered().add(new Delivered(positions.of(message, token), ChainedEvent.asStored(message, storeSerializer)));
    }

    /**
     * What this processor batch has delivered so far, chained as the batch prepares its commit (with its token, in its
     * transaction). A batch that rolls back takes it with it.
     */
    private List<Delivered> delivered() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(Delivered.class.getName(), key -> {
            List<Delivered> delivered = new ArrayList<>();
            unitOfWork.onPrepareCommit(committing -> chain(delivered));
            return delivered;
        });
    }

    /**
     * Links the events not linked yet, in the order they were delivered, each to the one before it, and moves each day's
     * head to that day's last new link. A link written meanwhile by anyone else fails the insert (the chain's unique keys)
     * and the batch is retried, so the chain never forks.
     */
    private void chain(List<Delivered> delivered) {
        Set<Long> linked = store.linkedAmong(delivered.stream().mapToLong(Delivered::position).toArray());
        Optional<Tip> tip = store.tip();
        List<NewLink> links = new ArrayList<>();
        Map<LocalDate, NewLink> heads = new HashMap<>();
        for (Delivered event : delivered) {
            if (linked.contains(event.position())) {
                continue; // a redelivery keeps the link it was given when it was first seen
            }
            String previousHash = tip.map(Tip::hash).orElse(ChainLinks.GENESIS);
            long chainSeq = tip.map(Tip::chainSeq).orElse(0L) + 1;
            ChainedEvent stored = event.stored();
            NewLink link = new NewLink(chainSeq, event.position(), stored.eventId(), previousHash, ChainLinks.next(previousHash, stored),
                    stored.timestamp());
            links.add(link);
            tip = Optional.of(new Tip(chainSeq, link.hash()));
            heads.put(LocalDate.ofInstant(link.occurredAt(), ZoneOffset.UTC), link);
        }
        Instant now = clock.instant();
        store.append(links, now);
        heads.values().forEach(head -> store.moveHead(head, now));
    }

    /** An event as delivered: its position in the store and what its link covers. */
    private record Delivered(long position, ChainedEvent stored) {
    }
}
