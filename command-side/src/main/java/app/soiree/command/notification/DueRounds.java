package app.soiree.command.notification;

import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One round of a poll that works through what fell due one item a transaction (each item taken with
 * {@code for update skip locked}, so replicas polling at once share the work). The round ends when nothing is left, after
 * {@link #PER_ROUND} items, or at the first failure: the failed item stays where it was and is tried again next round.
 */
final class DueRounds {

    static final int PER_ROUND = 100;

    private DueRounds() {
    }

    /** @param next takes, handles and removes the next due item in the current transaction; false when there was none */
    static void run(TransactionTemplate transactions, Logger log, String what, BooleanSupplier next) {
        for (int taken = 0; taken < PER_ROUND; taken++) {
            try {
                if (!Boolean.TRUE.equals(transactions.execute(status -> next.getAsBoolean()))) {
                    return;
                }
            } catch (RuntimeException failure) {
                log.warn("{} failed; tried again in the next round", what, failure);
                return;
            }
        }
    }
}
