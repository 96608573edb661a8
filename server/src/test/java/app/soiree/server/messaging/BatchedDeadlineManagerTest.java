package app.soiree.server.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.IntegrationTest;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deadlines a unit of work schedules are written together, in its transaction, when its root prepares its commit
 * (one batched insert, not a read and an insert each), and are what Axon would have written. The deadlines are a day
 * away and removed after each test, so none of them fires in the shared platform.
 */
@IntegrationTest
class BatchedDeadlineManagerTest {

    private static final ScopeDescriptor SCOPE = new AggregateScopeDescriptor("DeadlineProbe", "batched-deadlines");

    @Autowired
    DeadlineManager deadlines;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    Scheduler scheduler;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    private final List<String> scheduled = new ArrayList<>();

    @AfterEach
    void forgetTheDeadlines() {
        scheduled.forEach(id -> jdbc.update("delete from scheduled_tasks where task_instance = ?", id));
    }

    @Test
    void aNestedUnitOfWorksDeadlinesAreWrittenWhenItsRootPreparesItsCommit() {
        assertThat(deadlines).isInstanceOf(BatchedDeadlineManager.class);
        UnitOfWork<?> root = startWithTransaction();
        DefaultUnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
        List<String> ids = List.of(schedule("first"), schedule("second"), schedule("third"));
        nested.commit();

        // Axon's own manager writes each deadline, a read and an insert, when the nested unit commits.
        assertThat(written(ids)).as("written before the root commits").isZero();
        root.commit();

        assertThat(written(ids)).isEqualTo(3);
    }

    @Test
    void whatIsWrittenIsAxonsDeadlineWithItsPayloadAndScope() {
        Instant at = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
        UnitOfWork<?> root = startWithTransaction();
        String id = deadlines.schedule(at, "batched-probe", "the payload", SCOPE);
        scheduled.add(id);
        root.commit();

        ScheduledExecution<Object> execution = scheduler.getScheduledExecution(new DbSchedulerDeadlineToken(id)).orElseThrow();
        assertThat(execution.getExecutionTime()).isEqualTo(at);
        DbSchedulerBinaryDeadlineDetails details = (DbSchedulerBinaryDeadlineDetails) execution.getData();
        assertThat(details.getD()).isEqualTo("batched-probe");
        assertThat(details.getDeserializedScopeDescriptor(serializer)).isEqualTo(SCOPE);
        GenericDeadlineMessage message = details.asDeadLineMessage(serializer);
        assertThat(message.getPayload()).isEqualTo("the payload");
        assertThat(message.getDeadlineName()).isEqualTo("batched-probe");
    }

    @Test
    void aNestedUnitOfWorkThatRollsBackWritesNone() {
        UnitOfWork<?> root = startWithTransaction();
        DefaultUnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
        String dropped = schedule("dropped");
        nested.rollback();
        String kept = schedule("kept");
        root.commit();

        assertThat(written(List.of(dropped))).isZero();
        assertThat(written(List.of(kept))).isOne();
    }

    @Test
    void aRootThatRollsBackWritesNone() {
        UnitOfWork<?> root = startWithTransaction();
        String id = schedule("rolled back");
        root.rollback();

        assertThat(written(List.of(id))).isZero();
    }

    @Test
    void outsideAUnitOfWorkADeadlineIsWrittenAtOnce() {
        String id = schedule("alone");

        assertThat(written(List.of(id))).isOne();
    }

    @Test
    void aDeadlineScheduledWhileTheRootPreparesItsCommitIsWrittenToo() {
        UnitOfWork<?> root = startWithTransaction();
        String early = schedule("early");
        List<String> late = new ArrayList<>();
        root.onPrepareCommit(unitOfWork -> late.add(schedule("late")));
        root.commit();

        assertThat(written(List.of(early, late.getFirst()))).isEqualTo(2);
    }

    @Test
    void aDeadlineScheduledAndCancelledInOneUnitOfWorkIsCancelledAsWithAxonsOwnManager() {
        UnitOfWork<?> root = startWithTransaction();
        String byScope = schedule("cancelled by scope");
        deadlines.cancelAllWithinScope("batched-probe", SCOPE);
        String byId = schedule("cancelled by id");
        deadlines.cancelSchedule("batched-probe", byId);
        root.commit();

        assertThat(written(List.of(byScope, byId))).isZero();
    }

    @Test
    void aDeadlineCancelledAndScheduledAgainInOneUnitOfWorkStays() {
        String old = schedule("old");
        UnitOfWork<?> root = startWithTransaction();
        deadlines.cancelAllWithinScope("batched-probe", SCOPE);
        String renewed = schedule("renewed");
        root.commit();

        assertThat(written(List.of(old))).isZero();
        assertThat(written(List.of(renewed))).isOne();
    }

    private UnitOfWork<?> startWithTransaction() {
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        root.attachTransaction(transactionManager);
        return root;
    }

    private String schedule(String payload) {
        String id = deadlines.schedule(Instant.now().plus(Duration.ofDays(1)), "batched-probe", payload, SCOPE);
        scheduled.add(id);
        return id;
    }

    /** Rows of these deadlines, as the current transaction (if any) sees them. */
    private long written(List<String> ids) {
        return jdbc.queryForObject("select count(*) from scheduled_tasks where task_instance = any (?)", Long.class,
                (Object) ids.toArray(String[]::new));
    }
}
