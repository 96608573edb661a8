package app.soiree.server.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * commons-logging's factory for this server, found by commons-logging through {@code META-INF/services} before its
 * own SLF4J bridge. That bridge (commons-logging 1.3) turns every message into a string before SLF4J checks the
 * level, so Spring's lazy {@code LogMessage} debug lines, written on every request and event and almost never
 * enabled, were all rendered and thrown away (the method-security check's "Authorizing method invocation …" alone was
 * 3 % of a wallet read's CPU, docs/benchmarks.md; spring-framework#37266 describes the regression). The logs here check
 * the level first, as spring-jcl's did before Spring Framework 7.
 */
public final class LevelCheckingLogFactory extends LogFactory {

    private final ConcurrentMap<String, Log> logs = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Object> attributes = new ConcurrentHashMap<>();

    @Override
    public Log getInstance(Class<?> type) {
        return getInstance(type.getName());
    }

    @Override
    public Log getInstance(String name) {
        return logs.computeIfAbsent(name, named -> new LevelCheckingLog(LoggerFactory.getLogger(named)));
    }

    @Override
    public @Nullable Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public String[] getAttributeNames() {
        return attributes.keySet().toArray(String[]::new);
    }

    @Override
    public void setAttribute(String name, @Nullable Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public void release() {
        logs.clear();
    }
}
