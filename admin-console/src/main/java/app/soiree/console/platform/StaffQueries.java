package app.soiree.console.platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Asks the query side, with a time limit: a screen waits at most {@link #TIMEOUT_SECONDS} for an
 * answer. Every answer is one result record (never a bare list), as everywhere in Soiree.
 */
@Component
public class StaffQueries {

    static final long TIMEOUT_SECONDS = 15;

    private final QueryGateway queryGateway;

    StaffQueries(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** The answer, or null where the handler answers "none". */
    public <R> @Nullable R ask(Object query, Class<R> resultType) {
        return await(submit(query, resultType));
    }

    /** Starts a query without waiting, so that a screen can ask several things at once. */
    public <R> CompletableFuture<@Nullable R> submit(Object query, Class<R> resultType) {
        return queryGateway.query(query, ResponseTypes.instanceOf(resultType));
    }

    public <R> @Nullable R await(CompletableFuture<@Nullable R> answer) {
        try {
            return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof NoHandlerForQueryException) {
                throw new QueryUnavailable(failed.getCause());
            }
            throw new IllegalStateException("A query failed: " + failed.getCause().getMessage(), failed.getCause());
        } catch (TimeoutException slow) {
            answer.cancel(true);
            throw new IllegalStateException("No answer within " + TIMEOUT_SECONDS + " seconds", slow);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an answer", interrupted);
        }
    }

    /** No process answers this query: a part of the platform that this deployment does not run (yet). */
    public static class QueryUnavailable extends RuntimeException {
        QueryUnavailable(Throwable cause) {
            super("No handler answers this query", cause);
        }
    }
}
