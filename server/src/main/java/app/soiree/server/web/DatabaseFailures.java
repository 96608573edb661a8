package app.soiree.server.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.hibernate.exception.JDBCConnectionException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure that means "the database cannot be reached" however deeply it is wrapped (by
 * Axon's command and query buses, a {@code CompletionException}, JPA or Spring's translation), so
 * that the API answers 503 DATABASE_UNAVAILABLE instead of a 500 that looks like a bug.
 */
public final class DatabaseFailures {

    /** SQLSTATE class 08: connection exception; 57P01..57P03: the server is shutting down or starting. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(@Nullable Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, Boolean.TRUE) == null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof JDBCConnectionException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS) || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
