package app.soiree.server.messaging;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's db-scheduler deadline manager, writing the deadlines of one unit of work together: one batched insert when
 * the root unit of work prepares its commit, in its transaction, instead of a read and an insert for each deadline.
 * A batch of holds makes a deadline for every hold it answers, inside the gathering's serial section, where every
 * round trip to PostgreSQL is one that all of the gathering's holds wait for.
 * <p>
 * What a deadline is stays Axon's: the same task ({@code AxonDeadline}, executed by Axon's own
 * {@link DbSchedulerDeadlineManager#binaryTask}), the same serialized details, its message and correlation taken when
 * it is scheduled and the dispatch interceptors applied when the unit of work that scheduled it prepares its commit,
 * as Axon does. A deadline scheduled in a nested unit of work that rolls back is never written; one scheduled
 * outside a unit of work, or after its root has prepared its commit, is written at once, as Axon writes it.
 * Cancelling is Axon's, which finds deadlines in the table when the unit of work prepares its commit: so a cancellation
 * first writes what is pending, and a deadline scheduled and then cancelled in one unit of work (one handler, or two
 * events of a processor's batch) is cancelled, as with Axon's own manager. Each deadline has a fresh id, so the batched
 * insert never meets an existing row.
 */
class BatchedDeadlineManager extends DbSchedulerDeadlineManager {

    /** Axon's task name and data type; the task that runs them is {@code deadlineDetailsTask}. */
    private static final TaskDescriptor<DbSchedulerBinaryDeadlineDetails> DEADLINE =
            TaskDescriptor.of(DeadlineConfiguration.TASK_NAME, DbSchedulerBinaryDeadlineDetails.class);
    private static final String PENDING = BatchedDeadlineManager.class.getName() + ".pending";

    private final Scheduler scheduler;
    private final Serializer serializer;

    BatchedDeadlineManager(Builder builder, Scheduler scheduler, Serializer serializer) {
        super(builder.scheduler(scheduler).serializer(serializer));
        this.scheduler = scheduler;
        this.serializer = serializer;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        if (writtenAtOnce()) {
            return super.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
        }
        // Made now, as Axon makes it: the message carries the correlation of what is being handled at this moment.
        DeadlineMessage<Object> message =
                GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime);
        String id = IdentifierFactory.getInstance().generateIdentifier();
        CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
            SchedulableInstance<DbSchedulerBinaryDeadlineDetails> deadline = DEADLINE.instance(id)
                    .data(details(deadlineName, deadlineScope, processDispatchInterceptors(message)))
                    .scheduledTo(triggerDateTime);
            if (preparedItsCommit(unitOfWork)) {
                scheduler.schedule(deadline);
            } else {
                pendingIn(unitOfWork.root()).add(deadline);
            }
        });
        return id;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        writePendingBeforeCancelling();
        super.cancelSchedule(deadlineName, scheduleId);
    }

    @Override
    public void cancelAll(String deadlineName) {
        writePendingBeforeCancelling();
        super.cancelAll(deadlineName);
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        writePendingBeforeCancelling();
        super.cancelAllWithinScope(deadlineName, scope);
    }

    /**
     * Axon's cancellation runs when the unit of work prepares its commit, in the order it was asked for among the
     * deadlines scheduled there; the deadlines pending by then are written just before it, so it finds them.
     */
    private void writePendingBeforeCancelling() {
        if (!writtenAtOnce()) {
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> writePending(unitOfWork.root()));
        }
    }

    /**
     * Whether Axon's manager would write (or cancel) now rather than when the unit of work prepares its commit: outside
     * a unit of work, or past that phase; and here also when the root is past it, since nothing pending would be written.
     */
    private static boolean writtenAtOnce() {
        if (!CurrentUnitOfWork.isStarted()) {
            return true;
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        return current.phase().isAfter(UnitOfWork.Phase.PREPARE_COMMIT) || preparedItsCommit(current);
    }

    /** Whether the root of this unit of work is past its prepare-commit phase: a later addition would not be written. */
    private static boolean preparedItsCommit(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().phase().isAfter(UnitOfWork.Phase.PREPARE_COMMIT);
    }

    /**
     * The root's deadlines not yet written; the first one registers their insert, which runs after the handlers
     * registered before it, in the same phase. The list is taken out as it is written, so a deadline added by a later
     * handler of that phase starts a list (and an insert) of its own.
     */
    private List<SchedulableInstance<?>> pendingIn(UnitOfWork<?> root) {
        return root.getOrComputeResource(PENDING, key -> {
            root.onPrepareCommit(this::writePending);
            return new ArrayList<>();
        });
    }

    /** Writes the root's pending deadlines, if any are left: a cancellation may have written them already. */
    private void writePending(UnitOfWork<?> root) {
        @SuppressWarnings("unchecked")
        List<SchedulableInstance<?>> pending = (List<SchedulableInstance<?>>) root.resources().remove(PENDING);
        if (pending != null && !pending.isEmpty()) {
            scheduler.scheduleBatch(pending);
        }
    }

    /** What Axon's {@code DbSchedulerBinaryDeadlineDetails.serialized} writes (package-private there). */
    private DbSchedulerBinaryDeadlineDetails details(String deadlineName, ScopeDescriptor scope, DeadlineMessage<?> message) {
        SerializedObject<byte[]> serializedScope = serializer.serialize(scope, byte[].class);
        SerializedObject<byte[]> payload = serializer.serialize(message.getPayload(), byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(message.getMetaData(), byte[].class);
        return new DbSchedulerBinaryDeadlineDetails(deadlineName, serializedScope.getData(),
                serializedScope.getType().getName(), payload.getData(), payload.getType().getName(),
                payload.getType().getRevision(), metaData.getData());
    }
}
