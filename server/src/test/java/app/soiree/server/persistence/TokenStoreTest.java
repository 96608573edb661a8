package app.soiree.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.server.messaging.TokenStoreConfiguration;
import app.soiree.server.support.IntegrationTest;
import java.util.UUID;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The processors' token store: JDBC on {@code token_entry}, in the caller's transaction, and a segment another process
 * claimed stays its own.
 */
@IntegrationTest
class TokenStoreTest {

    @Autowired
    TokenStore tokenStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    Serializer serializer;

    @Test
    void storesEachBatchsTokenInTheBatchsOwnTransaction() {
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        String processor = "token-store-test-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> tokenStore.initializeTokenSegments(processor, 2));
        transactions.executeWithoutResult(status -> tokenStore.fetchToken(processor, 1)); // claims segment 1

        transactions.executeWithoutResult(status -> tokenStore.storeToken(new GlobalSequenceTrackingToken(41), processor, 1));
        assertThat(fetched(processor, 1)).isEqualTo(new GlobalSequenceTrackingToken(41));

        // A batch that rolls back takes its token with it: the events are handled again, never skipped.
        transactions.executeWithoutResult(status -> {
            tokenStore.storeToken(new GlobalSequenceTrackingToken(99), processor, 1);
            status.setRollbackOnly();
        });
        assertThat(fetched(processor, 1)).isEqualTo(new GlobalSequenceTrackingToken(41));

        // A replay token (the ledger's replays store them) comes back whole.
        ReplayToken replay = (ReplayToken) ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(41), null, "replay-1");
        transactions.executeWithoutResult(status -> tokenStore.storeToken(replay, processor, 1));
        assertThat(fetched(processor, 1)).isEqualTo(replay);

        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name = ? and owner is not null",
                Integer.class, processor)).isEqualTo(1);
    }

    private Object fetched(String processor, int segment) {
        return transactions.execute(status -> tokenStore.fetchToken(processor, segment));
    }

    @Test
    void aSegmentClaimedByAnotherProcessIsNotTakenOrWrittenOver() {
        String processor = "token-store-test-" + UUID.randomUUID();
        TokenStore otherProcess = JdbcTokenStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .serializer(serializer)
                .schema(TokenStoreConfiguration.SCHEMA)
                .contentType(byte[].class)
                .nodeId("another-process")
                .build();
        transactions.executeWithoutResult(status -> tokenStore.initializeTokenSegments(processor, 1));
        transactions.executeWithoutResult(status -> otherProcess.fetchToken(processor, 0));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> tokenStore.fetchToken(processor, 0)))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThatThrownBy(() -> transactions.executeWithoutResult(
                status -> tokenStore.storeToken(new GlobalSequenceTrackingToken(7), processor, 0)))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThat(jdbc.queryForObject("select owner from token_entry where processor_name = ?", String.class, processor))
                .isEqualTo("another-process");
    }
}
