package app.soiree.query.operations;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Savepoint;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.resource.transaction.spi.TransactionStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.function.SingletonSupplier;

/**
 * Runs each event handler of a parking projection ({@link ParkedEventProcessing#GROUPS}) inside its
 * own JDBC savepoint, and flushes its JPA changes before it returns.
 * <p>
 * Why: a tracking processor applies a batch of events in one transaction, and JPA sends the rows
 * only at flush, normally at commit: outside the handler, where Axon's dead-letter queue never sees
 * the failure, so the whole batch rolls back and is retried for ever. And once PostgreSQL refused
 * one statement, the transaction is aborted, so even the dead letter could not be stored in it. So
 * the handler's work is flushed inside the handler; when it fails, the savepoint undoes exactly
 * that event's changes, the persistence context forgets them, the rollback-only marks that Hibernate
 * and Spring set on the failure are lifted (the savepoint made the transaction healthy again), and
 * the exception goes on to Axon, which parks the event in the same, still committable transaction.
 * <p>
 * Spring's {@code PROPAGATION_NESTED} is of no help here: with Hibernate, {@code JpaTransactionManager}
 * refuses savepoints ("JpaDialect does not support savepoints"), hence the JDBC savepoint by hand.
 * Cost: one {@code SAVEPOINT} round trip per event, and a flush per event instead of per batch. The savepoint is not
 * released: the commit releases them all at once, a rollback to one undoes only what came after it (its own event's
 * work), and a released savepoint keeps its place in PostgreSQL's count of a transaction's subtransactions anyway
 * (their ids stay with the transaction until it ends), so releasing each cost a round trip per event and saved
 * nothing.
 */
final class SavepointPerEvent implements HandlerEnhancerDefinition {

    // Resolved once, at the first event: asking the bean factory for each event was 3 % of a booking rush's server CPU.
    private final SingletonSupplier<EntityManagerFactory> entityManagerFactory;
    private final SingletonSupplier<DataSource> dataSource;

    SavepointPerEvent(ObjectProvider<EntityManagerFactory> entityManagerFactory, ObjectProvider<DataSource> dataSource) {
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
                .<MessageHandlingMember<T>>map(group -> new Isolated<>(original))
                .orElse(original);
    }

    private static Optional<String> processingGroupOf(Class<?> handlerClass) {
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(handlerClass, ProcessingGroup.class);
        return Optional.ofNullable(group).map(ProcessingGroup::value);
    }

    private final class Isolated<T> extends WrappedMessageHandlingMember<T> {

        Isolated(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, @Nullable T target) throws Exception {
            EntityManagerFactory factory = entityManagerFactory.get();
            EntityManager entityManager = factory == null ? null : EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
            if (entityManager == null) {
                return super.handle(message, target); // no transaction (a plain test): nothing to isolate from
            }
            SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
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
