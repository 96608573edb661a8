package app.soiree.server.logging;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.spi.LocationAwareLogger;

/**
 * A commons-logging {@link Log} over an SLF4J {@link Logger} that renders a message only when its level is enabled.
 * Through a {@link LocationAwareLogger} (Logback's loggers are) it names this class as the one to skip, so a pattern
 * that prints the caller still prints the library's class, not this one.
 */
final class LevelCheckingLog implements Log {

    private static final String FQCN = LevelCheckingLog.class.getName();

    private final Logger logger;
    private final @Nullable LocationAwareLogger locationAware;

    LevelCheckingLog(Logger logger) {
        this.logger = logger;
        this.locationAware = logger instanceof LocationAwareLogger aware ? aware : null;
    }

    @Override
    public boolean isTraceEnabled() {
        return logger.isTraceEnabled();
    }

    @Override
    public boolean isDebugEnabled() {
        return logger.isDebugEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
        return logger.isInfoEnabled();
    }

    @Override
    public boolean isWarnEnabled() {
        return logger.isWarnEnabled();
    }

    @Override
    public boolean isErrorEnabled() {
        return logger.isErrorEnabled();
    }

    @Override
    public boolean isFatalEnabled() {
        return logger.isErrorEnabled();
    }

    @Override
    public void trace(Object message) {
        trace(message, null);
    }

    @Override
    public void debug(Object message) {
        debug(message, null);
    }

    @Override
    public void info(Object message) {
        info(message, null);
    }

    @Override
    public void warn(Object message) {
        warn(message, null);
    }

    @Override
    public void error(Object message) {
        error(message, null);
    }

    @Override
    public void fatal(Object message) {
        fatal(message, null);
    }

    @Override
    public void trace(Object message, @Nullable Throwable failure) {
        if (logger.isTraceEnabled()) {
            log(LocationAwareLogger.TRACE_INT, message, failure);
        }
    }

    @Override
    public void debug(Object message, @Nullable Throwable failure) {
        if (logger.isDebugEnabled()) {
            log(LocationAwareLogger.DEBUG_INT, message, failure);
        }
    }

    @Override
    public void info(Object message, @Nullable Throwable failure) {
        if (logger.isInfoEnabled()) {
            log(LocationAwareLogger.INFO_INT, message, failure);
        }
    }

    @Override
    public void warn(Object message, @Nullable Throwable failure) {
        if (logger.isWarnEnabled()) {
            log(LocationAwareLogger.WARN_INT, message, failure);
        }
    }

    @Override
    public void error(Object message, @Nullable Throwable failure) {
        if (logger.isErrorEnabled()) {
            log(LocationAwareLogger.ERROR_INT, message, failure);
        }
    }

    /** SLF4J has no fatal level; commons-logging's own bridge logs it as an error too. */
    @Override
    public void fatal(Object message, @Nullable Throwable failure) {
        error(message, failure);
    }

    private void log(int level, Object message, @Nullable Throwable failure) {
        String text = String.valueOf(message);
        if (locationAware != null) {
            locationAware.log(null, FQCN, level, text, null, failure);
            return;
        }
        switch (level) {
            case LocationAwareLogger.TRACE_INT -> logger.trace(text, failure);
            case LocationAwareLogger.DEBUG_INT -> logger.debug(text, failure);
            case LocationAwareLogger.INFO_INT -> logger.info(text, failure);
            case LocationAwareLogger.WARN_INT -> logger.warn(text, failure);
            default -> logger.error(text, failure);
        }
    }
}
