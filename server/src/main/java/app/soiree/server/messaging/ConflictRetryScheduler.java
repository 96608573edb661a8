package app.soiree.server.messaging;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a command once more, at once, when it failed only because the aggregate it loaded was behind the event
 * store (another replica of the command role appended events to it since this replica cached it). The failed
 * attempt's unit of work was rolled back as a whole, which also evicted the stale entry, so the second attempt
 * loads the aggregate from the store. Any other failure is answered as it is: a retry must never repeat a
 * command whose effects may have happened.
 */
final class ConflictRetryScheduler implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetryScheduler.class);

    /** Sends again off the thread that saw the failure; idle threads go, and they never keep the JVM alive. */
    private final Executor executor = new ThreadPoolExecutor(0, 4, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
            runnable -> Thread.ofPlatform().name("axon-command-retry").daemon().unstarted(runnable),
            new ThreadPoolExecutor.CallerRunsPolicy());

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (failures.size() > 1 || !StaleAggregateRetry.isConflict(lastFailure)) {
            return false;
        }
        log.info("Command {} conflicted with events already stored (stale cached aggregate); sending it once more",
                commandMessage.getCommandName());
        executor.execute(commandDispatch);
        return true;
    }
}
