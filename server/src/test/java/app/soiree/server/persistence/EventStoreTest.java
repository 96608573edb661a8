package app.soiree.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The embedded event store: JDBC on the Axon tables, one position per event, a sequence clash still a conflict. */
@IntegrationTest
class EventStoreTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void eventsAreStoredThroughJdbcWithPositionsFromTheTablesOwnSequenceOneAtATime() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(jdbc.queryForObject("select increment_by from pg_sequences where sequencename = 'domain_event_entry_seq'", Long.class))
                .isEqualTo(1L);

        Session ada = new Api(port).newUser("Ada");

        // Her registration is in the store, read back by its aggregate like any command's events, at a position the
        // sequence handed out (not one a process computed from a block of its own).
        List<Long> positions = jdbc.queryForList("select global_index from domain_event_entry where aggregate_identifier = ?",
                Long.class, ada.userId());
        assertThat(positions).isNotEmpty();
        assertThat(jdbc.queryForObject("select last_value from domain_event_entry_seq", Long.class))
                .isGreaterThanOrEqualTo(positions.getLast());
        assertThat(storageEngine.readEvents(ada.userId()).asStream().count()).isEqualTo(positions.size());
    }

    @Test
    void aSecondEventAtTheSameSequenceNumberIsAConflictAndNothingOfItIsStored() {
        String aggregate = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> storageEngine.appendEvents(event(aggregate, 0, "created"), event(aggregate, 1, "first")));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> storageEngine.appendEvents(event(aggregate, 1, "second"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> storageEngine.appendEvents(event(aggregate, 0, "again"))))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(storageEngine.readEvents(aggregate).asStream().map(message -> (Object) message.getPayload()).toList())
                .containsExactly("created", "first");
    }

    private static GenericDomainEventMessage<String> event(String aggregate, long sequenceNumber, String payload) {
        return new GenericDomainEventMessage<>("EventStoreTest", aggregate, sequenceNumber, payload);
    }
}
