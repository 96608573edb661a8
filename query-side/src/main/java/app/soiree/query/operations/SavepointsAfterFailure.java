package app.soiree.query.operations;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Savepoint;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.resource.transaction.spi.TransactionStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.function.SingletonSupplier;

/**
 * Lets a parking projection ({@link ParkedEventProcessing#GROUPS}) park the one event it cannot apply, while its batches
 * that apply cleanly, nearly all of them, pay nothing for that.
 * <p>
 * Why a failure needs care: a tracking processor applies a batch of events in one transaction. Once PostgreSQL refused
 * one statement, the transaction is aborted, so not even the dead letter could be stored in it; and what the failed
 * handler did before it failed must not be committed with the rest. So a failed event's own work has to be undone on its
 * own: a JDBC savepoint taken before it, and its JPA changes flushed inside the handler, where Axon's dead-letter queue
 * sees the failure (at commit, outside any handler, the whole batch would roll back and be retried for ever).
 * <p>
 * Why not always: a savepoint is a round trip per event and handler, and every one that writes is a subtransaction with
 * an id of its own. Beyond 64 of them in one transaction (a batch of 50 events, some with two handlers) PostgreSQL's
 * snapshots overflow and every other session checks visibility the slow way while the batch is open. So a batch first
 * runs plainly. When a handler fails in it, the batch is marked to roll back whole (nothing of it is parked or kept),
 * and its processor segment runs a savepoint per event until a batch run that way commits: the processor retries the
 * batch from its last token, as it does after any failed batch (after a second), and this time the failed event is
 * parked alone and every other event applied. Dead letters retried by staff, and events delivered outside a tracking
 * processor's batch, always get their savepoint.
 * <p>
 * Spring's {@code PROPAGATION_NESTED} is of no help here: with Hibernate, {@code JpaTransactionManager} refuses
 * savepoints ("JpaDialect does not support savepoints"), hence the JDBC savepoint by hand. A savepoint is not released:
 * the commit releases them all at once, and a rollback to one undoes only what came after it (its own event's work).
 */
final class SavepointsAfterFailure implements HandlerEnhancerDefinition {

    private static final Logger log = LoggerFactory.getLogger(SavepointsAfterFailure.class);
    private static final String ROLLING_BACK = SavepointsAfterFailure.class.getName() + "/rollingBack";

    /** Segments ("group/segment") whose last batch failed plainly: until one of their batches commits, each event is isolated. */
    private final Set<String> isolating = ConcurrentHashMap.newKeySet();
    // Resolved once, at the first event: asking the bean factory for each event was 3 % of a booking rush's server CPU.
    private final SingletonSupplier<EntityManagerFactory> entityManagerFactory;
    private final SingletonSupplier<DataSource> dataSource;

    SavepointsAfterFailure(ObjectProvider<EntityManagerFactory> entityManagerFactory, ObjectProvider<DataSource> dataSource) {
        this.entityManagerFactory = SingletonSupplier.of(entityManagerFactory::getIfAvailable);
        this.dataSource = SingletonSupplier.of(dataSource::getIfAvailable);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        Class<?> handlerClass;
        try {
            handlerClass = original.declaringClass();
        } catch (UnsupportedOperationException notAMethod) {
            return original;
        }
        return processingGroupOf(handlerClass)
                .filter(ParkedEventProcessing::parks)
                .<MessageHandlingMember<T>>map(group -> new Parkable<>(original, group))
                .orElse(original);
    }

    private static Optional<String> processingGroupOf(Class<?> handlerClass) {
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(handlerClass, ProcessingGroup.class);
        return Optional.ofNullable(group).map(ProcessingGroup::value);
    }

    /** Thrown instead of a handler's failure in a batch that runs plainly: the batch rolls back and is run again with savepoints. */
    static final class BatchRetriedWithSavepoints extends RuntimeException {
        BatchRetriedWithSavepoints(String segment, @Nullable Throwable cause) {
            super("A handler of " + segment + " failed in a batch without savepoints; the batch rolls back and runs again with one per event",
                    cause);
        }
    }

    private final class Parkable<T> extends WrappedMessageHandlingMember<T> {

        private final String group;
        private final String segmentIdResource;

        Parkable(MessageHandlingMember<T> delegate, String group) {
            super(delegate);
            this.group = group;
            this.segmentIdResource = "Processor[" + group + "]/SegmentId"; // the key a tracking processor files its segment under
        }

        @Override
        public Object handle(Message<?> message, @Nullable T target) throws Exception {
            EntityManagerFactory factory = entityManagerFactory.get();
            EntityManager entityManager = factory == null ? null : EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
            if (entityManager == null) {
                return super.handle(message, target); // no transaction (a plain test): nothing to isolate from
            }
            SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
            UnitOfWork<?> batch = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
            if (batch instanceof BatchingUnitOfWork<?>) {
                if (isolating.isEmpty()) {
                    return plainly(message, target, session, batch); // nearly always: nothing failed lately, nothing to look up
                }
                String segment = segmentOf(batch);
                if (batch.resources().containsKey(ROLLING_BACK)) {
                    throw new BatchRetriedWithSavepoints(segment, null); // the rest of a batch that rolls back is not worth running
                }
                if (!isolating.contains(segment)) {
                    return plainly(message, target, session, batch);
                }
                batch.afterCommit(committed -> isolating.remove(segment));
            }
            return isolated(message, target, session, factory);
        }

        private Object plainly(Message<?> message, @Nullable T target, SessionImplementor session, UnitOfWork<?> batch) throws Exception {
            try {
                Object result = super.handle(message, target);
                session.flush(); // a row refused here is this handler's failure, not the commit's
                return result;
            } catch (Exception failed) { // an Error fails the batch as it is, and it is retried as before
                String segment = segmentOf(batch);
                isolating.add(segment);
                session.getTransaction().setRollbackOnly(); // the commit fails, and the processor retries the batch
                batch.resources().put(ROLLING_BACK, Boolean.TRUE);
                log.warn("A handler of {} failed; its batch rolls back and runs again with a savepoint per event, so that the event "
                        + "that failed can be parked alone: eventType={} eventId={} error={}", segment, message.getPayloadType().getName(),
                        message.getIdentifier(), failed.toString());
                throw new BatchRetriedWithSavepoints(segment, failed);
            }
        }

        private Object isolated(Message<?> message, @Nullable T target, SessionImplementor session, EntityManagerFactory factory)
                throws Exception {
            session.flush(); // what this batch did before (earlier events, dead letters) is not this event's to undo
            Savepoint savepoint = session.doReturningWork(connection -> connection.setSavepoint());
            try {
                Object result = super.handle(message, target);
                session.flush();
                return result;
            } catch (Exception | Error failed) {
                try {
                    undo(session, savepoint, factory);
                } catch (RuntimeException undoFailed) {
                    failed.addSuppressed(undoFailed);
                }
                throw failed;
            }
        }

        /** The processor names its segment among the batch's resources; without one (not a tracking processor), the group. */
        private String segmentOf(UnitOfWork<?> batch) {
            Object segmentId = batch.getResource(segmentIdResource);
            return segmentId == null ? group : group + "/" + segmentId;
        }

        private void undo(SessionImplementor session, Savepoint savepoint, EntityManagerFactory factory) {
            session.doWork(connection -> connection.rollback(savepoint));
            session.clear(); // the failed changes would otherwise be flushed again at commit
            var physicalTransaction = session.getJdbcCoordinator().getLogicalConnection().getPhysicalJdbcTransaction();
            if (physicalTransaction.getStatus() == TransactionStatus.MARKED_ROLLBACK) {
                // Hibernate marks the transaction rollback-only on any failed flush and offers no way back;
                // begin() on the still open physical transaction only sets it ACTIVE again (autocommit is off already).
                physicalTransaction.begin();
            }
            liftRollbackOnly(TransactionSynchronizationManager.getResource(factory));
            DataSource jdbc = dataSource.get();
            if (jdbc != null) {
                liftRollbackOnly(TransactionSynchronizationManager.getResource(jdbc));
            }
        }

        /** A repository method that failed inside the handler marks the surrounding transaction rollback-only, too. */
        private static void liftRollbackOnly(@Nullable Object resource) {
            if (resource instanceof ResourceHolderSupport holder) {
                holder.resetRollbackOnly();
            }
        }
    }
}
