package app.soiree.server.messaging;

import app.soiree.api.chat.ContentCipher;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each user's personal key (AES-256), in {@code personal_keys}: outside the event stream, in the PostgreSQL
 * every role shares, so whichever process reads an event can open what another one sealed. A user's key is
 * made the first time an event carries their personal data, and destroyed (the row keeps {@code key_bytes}
 * null: a tombstone, so that no later event makes them a new one) when their data is erased.
 *
 * <p>Keys are cached, a bounded number for a bounded time. An erasure evicts the user's key here as the
 * erasing event is written and as each process reads it; the time bound covers a process that has not read
 * it yet. A key made inside a transaction is cached only once that transaction commits: a key cached from a
 * transaction that then rolled back would seal events nobody could ever open.
 */
final class PersonalKeys {

    static final int CACHED_KEYS = 10_000;
    static final Duration CACHED_FOR = Duration.ofMinutes(5);

    /** A user's key as stored: {@code bytes} null once it is destroyed. */
    private record StoredKey(byte @Nullable [] bytes) {
        static final StoredKey DESTROYED = new StoredKey(null);

        Optional<byte[]> value() {
            return Optional.ofNullable(bytes);
        }
    }

    private final Supplier<JdbcTemplate> jdbc;
    private final Cache<UUID, StoredKey> cache = Caffeine.newBuilder().maximumSize(CACHED_KEYS).expireAfterWrite(CACHED_FOR).build();

    /** The template is looked up at first use: the event serializer that needs these keys is built before the data source. */
    PersonalKeys(Supplier<JdbcTemplate> jdbc) {
        this.jdbc = jdbc;
    }

    /** The key that seals new data of {@code owner}, made now if they have none; empty when their data was erased. */
    Optional<byte[]> forSealing(UUID owner) {
        StoredKey cached = cache.getIfPresent(owner);
        if (cached != null) {
            return cached.value();
        }
        Optional<StoredKey> stored = read(owner);
        if (stored.isEmpty()) {
            jdbc.get().update("insert into personal_keys (owner_id, key_bytes) values (?, ?) on conflict (owner_id) do nothing",
                    owner, ContentCipher.newKey());
            createdInThisTransaction().add(owner);
            // Another transaction may have made one first (the insert then waited for it): theirs is the key.
            stored = read(owner);
        }
        StoredKey key = stored.orElseThrow(() -> new IllegalStateException("A personal key was made and is gone"));
        remember(owner, key);
        return key.value();
    }

    /** The key that opens the data of {@code owner}; empty once it is destroyed. */
    Optional<byte[]> forOpening(UUID owner) {
        StoredKey cached = cache.getIfPresent(owner);
        if (cached != null) {
            return cached.value();
        }
        // No row at all cannot happen for sealed data (it is made before it seals); if it did, nothing opens it.
        StoredKey key = read(owner).orElse(StoredKey.DESTROYED);
        remember(owner, key);
        return key.value();
    }

    /** Drops the cached key of an erased owner now, and again when the erasing transaction ends. */
    void forget(UUID owner) {
        cache.invalidate(owner);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(owner);
                }
            });
        }
    }

    private Optional<StoredKey> read(UUID owner) {
        List<StoredKey> rows = jdbc.get().query("select key_bytes from personal_keys where owner_id = ?",
                (row, index) -> new StoredKey(row.getBytes(1)), owner);
        return rows.stream().findFirst();
    }

    private void remember(UUID owner, StoredKey key) {
        if (!createdInThisTransaction().contains(owner)) {
            cache.put(owner, key);
        }
    }

    /**
     * The owners whose key this transaction made: not to be cached before it commits. Outside a transaction
     * every statement commits at once and the set is empty.
     */
    @SuppressWarnings("unchecked")
    private Set<UUID> createdInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashSet<>();
        }
        Set<UUID> created = (Set<UUID>) TransactionSynchronizationManager.getResource(this);
        if (created == null) {
            Set<UUID> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PersonalKeys.this);
                }
            });
            created = fresh;
        }
        return created;
    }
}
