package app.soiree.command.identity;

import app.soiree.api.identity.PersonalDataErased;
import java.time.Clock;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an erasure does beside its event, in the erasing command's own transaction (the credential store's
 * subscribing processor): the user's personal key is destroyed, which makes every personal field they own
 * unreadable in every stored event; the account keeps its id but loses its email and password, so nobody
 * signs in as it again; every refresh token ends; and snapshots of the user's aggregate are dropped (none is
 * taken today, and none may outlive the key it would bypass). Running it twice changes nothing more.
 */
@Component
@ProcessingGroup(StaffAccounts.PROCESSING_GROUP)
class ErasedAccounts {

    private final AccountRepository accounts;
    private final RefreshTokenRepository refreshTokens;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ErasedAccounts(AccountRepository accounts, RefreshTokenRepository refreshTokens, JdbcTemplate jdbc, Clock clock) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(PersonalDataErased event) {
        jdbc.update("""
                insert into personal_keys (owner_id, key_bytes, destroyed_at) values (?, null, now())
                on conflict (owner_id) do update set key_bytes = null, destroyed_at = coalesce(personal_keys.destroyed_at, now())
                """, event.userId().value());
        jdbc.update("delete from snapshot_event_entry where aggregate_identifier = ?", event.userId().toString());
        accounts.findById(event.userId().value()).ifPresent(Account::erase);
        refreshTokens.revokeAllOfUser(event.userId().value(), clock.instant());
    }
}
