package app.soiree.command.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** A round works through what fell due; one item that keeps failing is put back and holds up nothing behind it. */
class DueRoundsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<String> transactionsRolledBack = new ArrayList<>();
    private final TransactionTemplate transactions = new TransactionTemplate(new AbstractPlatformTransactionManager() {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            transactionsRolledBack.add("rollback");
        }
    });

    /** Due items by name, as a table would hold them; "poison" fails whenever it is handled. */
    private final Map<String, Instant> due = new TreeMap<>();
    private final List<String> handled = new ArrayList<>();

    private final DueRounds.Poll<String> poll = new DueRounds.Poll<>() {
        @Override
        public @Nullable String take() {
            return due.entrySet().stream().filter(item -> !item.getValue().isAfter(NOW))
                    .min(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).orElse(null);
        }

        @Override
        public void handle(String item) {
            if (item.equals("poison")) {
                throw new IllegalStateException("cannot be handled");
            }
            handled.add(item);
            due.remove(item);
        }

        @Override
        public void postpone(String item, Instant retryAt) {
            due.put(item, retryAt);
        }
    };

    @Test
    void aFailingItemIsPutBackAMinuteAndTheRoundGoesOnWithThoseDueAfterIt() {
        due.put("poison", NOW.minusSeconds(30)); // due first: it used to end every round before the others were reached
        due.put("b", NOW.minusSeconds(20));
        due.put("c", NOW.minusSeconds(10));
        due.put("later", NOW.plusSeconds(60));

        DueRounds.run(transactions, clock, LoggerFactory.getLogger(DueRoundsTest.class), "Testing", poll);

        assertThat(handled).containsExactly("b", "c");
        assertThat(due).containsEntry("poison", NOW.plus(DueRounds.RETRY_AFTER)).containsKey("later").hasSize(2);
        assertThat(transactionsRolledBack).as("the failed item's own transaction").hasSize(1);
    }

    @Test
    void aRoundTakesAtMostItsShareAndLeavesTheRestForTheNext() {
        for (int i = 0; i < DueRounds.PER_ROUND + 5; i++) {
            due.put("item-%03d".formatted(i), NOW.minusSeconds(1));
        }

        DueRounds.run(transactions, clock, LoggerFactory.getLogger(DueRoundsTest.class), "Testing", poll);

        assertThat(handled).hasSize(DueRounds.PER_ROUND).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(due).hasSize(5);
    }

    @Test
    void aPollThatCannotEvenTakeAnItemEndsTheRound() {
        due.put("b", NOW.minusSeconds(20));
        DueRounds.Poll<String> broken = new DueRounds.Poll<>() {
            @Override
            public @Nullable String take() {
                throw new IllegalStateException("the database is away");
            }

            @Override
            public void handle(String item) {
                handled.add(item);
            }

            @Override
            public void postpone(String item, Instant retryAt) {
                throw new AssertionError("nothing was taken, so nothing is put back");
            }
        };

        DueRounds.run(transactions, clock, LoggerFactory.getLogger(DueRoundsTest.class), "Testing", broken);

        assertThat(handled).isEmpty();
        assertThat(due).containsEntry("b", NOW.minusSeconds(20));
    }
}
