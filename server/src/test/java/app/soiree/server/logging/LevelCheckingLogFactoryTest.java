package app.soiree.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The libraries' commons-logging reaches Logback through this server's factory, and renders only what is logged. */
class LevelCheckingLogFactoryTest {

    private static final String NAME = "app.soiree.server.logging.LevelCheckingLogFactoryTest.library";

    private final Logger logback = (Logger) LoggerFactory.getLogger(NAME);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.getCallerData(); // taken from the stack, so while the caller is still on it
            super.append(event);
        }
    };
    private final Log log = LogFactory.getLog(NAME);

    @BeforeEach
    void listen() {
        logged.start();
        logback.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logback.detachAppender(logged);
        logback.setLevel(null);
    }

    @Test
    void commonsLoggingFindsThisFactoryBeforeItsOwnBridge() {
        assertThat(LogFactory.getFactory()).isInstanceOf(LevelCheckingLogFactory.class);
        assertThat(log).isInstanceOf(LevelCheckingLog.class);
    }

    @Test
    void aMessageBelowTheLevelIsNeverRendered() {
        logback.setLevel(Level.INFO);
        CountingMessage message = new CountingMessage("Authorizing method invocation");

        log.debug(message);
        log.trace(message, new IllegalStateException());

        assertThat(message.rendered).hasValue(0);
        assertThat(logged.list).isEmpty();
    }

    @Test
    void aMessageAtTheLevelIsRenderedOnceWithItsFailureAndTheLibraryAsItsCaller() {
        logback.setLevel(Level.DEBUG);
        CountingMessage message = new CountingMessage("Securing GET /api/me/wallet");
        IllegalStateException failure = new IllegalStateException("boom");

        log.debug(message, failure);
        log.fatal("fatal is an error");

        assertThat(message.rendered).hasValue(1);
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("Securing GET /api/me/wallet", "fatal is an error");
        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.DEBUG, Level.ERROR);
        assertThat(logged.list.getFirst().getThrowableProxy().getMessage()).isEqualTo("boom");
        assertThat(logged.list.getFirst().getCallerData()[0].getClassName()).isEqualTo(LevelCheckingLogFactoryTest.class.getName());
    }

    /** A lazily built message, as Spring's {@code LogMessage} is: it counts how often it was turned into text. */
    private static final class CountingMessage {

        private final String text;
        private final AtomicInteger rendered = new AtomicInteger();

        CountingMessage(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            rendered.incrementAndGet();
            return text;
        }
    }
}
