package app.soiree.command.payout;

import app.soiree.api.identity.UserId;
import app.soiree.api.payout.PayoutAccountOpened;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which connected account each host has, written in the same transaction as the wallet's event (a
 * subscribing processor). Onboarding reads it before asking the provider for an account, so a host who
 * onboards again, even long after the provider forgot the idempotency key, never gets a second account.
 */
@Component
@ProcessingGroup(PayoutAccountLookup.PROCESSING_GROUP)
class PayoutAccountLookup {

    static final String PROCESSING_GROUP = "payout-account-lookup";

    private final JdbcTemplate jdbc;

    PayoutAccountLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PayoutAccountOpened event) {
        jdbc.update("insert into payout_account_lookup (host_id, provider, account_id) values (?, ?, ?) on conflict do nothing",
                event.hostId().value(), event.provider(), event.accountId());
    }

    Optional<String> accountOf(UserId hostId) {
        return jdbc.queryForList("select account_id from payout_account_lookup where host_id = ?", String.class, hostId.value())
                .stream().findFirst();
    }
}
