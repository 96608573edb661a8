package app.soiree.command;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.jspecify.annotations.Nullable;

/**
 * Aggregates kept in memory between their commands, so that a command does not replay the aggregate's stream.
 * Axon's {@code WeakReferenceCache} does not do that under load: the repository caches a new entry object after
 * every command, reachable from the cache alone, which the next young collection clears (every chat post replayed
 * its conversation, a tenth of the request path's CPU in the chat benchmark, and growing with the conversation).
 * Here an entry is softly held, so it stays until the heap is short, with at most {@code maximumSize} aggregates,
 * and goes after {@code unusedFor} without a command. The event store stays the truth: Axon evicts an entry when
 * its unit of work rolls back. Safe across replicas because Axon routes one aggregate's commands to one node; after a
 * rerouting, a replica's stale entry conflicts on its next append, that attempt fails and rolls back, and the next one
 * loads the aggregate from the store (deadlines try again at once, StaleAggregateRetry).
 * <p>
 * No entry listeners: Axon's aggregate repositories register none.
 */
public final class AggregateCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;

    public AggregateCache(long maximumSize, Duration unusedFor) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(unusedFor).softValues()
                .build().asMap();
    }

    @SuppressWarnings("unchecked")
    @Override
    public <K, V> @Nullable V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, @Nullable Object value) {
        if (value == null) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, absent -> valueSupplier.get());
    }

    @SuppressWarnings("unchecked")
    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (present, value) -> update.apply((V) value));
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("AggregateCache does not notify listeners");
    }
}
