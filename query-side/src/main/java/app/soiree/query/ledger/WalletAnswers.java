package app.soiree.query.ledger;

import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.WalletView;
import app.soiree.query.web.RenderedJson;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each host's wallet answer as it was last read, rendered to JSON, until the journal moves one of the host's accounts.
 * A host's app asks for the wallet far more often than money moves (every screen that shows a balance, every refresh),
 * and answering it from the read model cost a query and its rendering each time: about a quarter of the request's
 * server CPU, in PostgreSQL alone (docs/benchmarks.md, "Wallet answers remembered").
 * <p>
 * Exact on this replica: {@link LedgerProjection} forgets a host's answer when the transaction that moved the host's
 * accounts commits. An answer being read at that moment is forgotten as soon as its read ends (the cache computes a
 * host's answer under the lock that forgetting takes), so no answer read before a commit outlives it. Changes that
 * another replica's projection applied (with Axon Server, the ledger's processor runs on one of them) are seen after
 * {@code soiree.wallet.read-memory} at most, which is the staleness every read model has towards its stream anyway.
 */
@Component
class WalletAnswers {

    private static final int MAX_HOSTS = 10_000;

    private final Cache<UserId, RenderedJson<WalletView>> answers;

    WalletAnswers(@Value("${soiree.wallet.read-memory:PT1S}") Duration memory) {
        this.answers = Caffeine.newBuilder().maximumSize(MAX_HOSTS).expireAfterWrite(memory).build();
    }

    RenderedJson<WalletView> of(UserId host, Function<UserId, RenderedJson<WalletView>> read) {
        return answers.get(host, read);
    }

    /** Forgets these hosts' answers once the current transaction commits (nothing changed if it rolls back), or now without one. */
    void forgetOnCommit(Set<UserId> hosts) {
        if (hosts.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            answers.invalidateAll(hosts);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                answers.invalidateAll(hosts);
            }
        });
    }
}
