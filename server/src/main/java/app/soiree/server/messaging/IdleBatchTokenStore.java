package app.soiree.server.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.jspecify.annotations.Nullable;

/**
 * Axon's JDBC token store, whose commits that record no handled event do not wait for the disk. A tracking processor
 * commits a transaction of its own whenever a poll brings only events none of its handlers takes (it stores the token
 * past them), and every second it finds nothing to do (it extends its claim): with some thirty processors reading every
 * event, most of a busy stream's commits are of that kind, each waiting for its flush to disk while it holds a pooled
 * connection. Those transactions set {@code synchronous_commit} off for themselves alone (other sessions see them at once;
 * a later durable commit flushes them too). One lost in a crash leaves the token at an earlier position, before events
 * the processor ignores again, or a claim a little older: nothing is handled twice or skipped.
 * <p>
 * A token stored in a unit of work (a batch that handled events) still commits durably with the batch, and so does a
 * {@link ReplayToken} (a reset that must not be lost).
 */
class IdleBatchTokenStore extends JdbcTokenStore {

    IdleBatchTokenStore(Builder builder) {
        super(builder);
    }

    @Override
    public void storeToken(@Nullable TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        if (!CurrentUnitOfWork.isStarted() && !(token instanceof ReplayToken)) {
            relaxCommit();
        }
        super.storeToken(token, processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        relaxCommit();
        super.extendClaim(processorName, segment);
    }

    /** For the caller's transaction (the connection is the transaction's), as {@code SET LOCAL} would. */
    private void relaxCommit() {
        try (Connection connection = getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("select set_config('synchronous_commit', 'off', true)");
        } catch (SQLException e) {
            throw new JdbcException("Could not relax the token transaction's commit", e);
        }
    }
}
