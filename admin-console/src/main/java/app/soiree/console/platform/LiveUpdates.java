package app.soiree.console.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Keeps a screen up to date without a reload: reads something on a background thread at an interval
 * and pushes what it read into the browser ({@code @Push} on the app shell) until it is finished, the
 * component leaves the screen, or a time limit passes. The reads never hold the session's lock, so a
 * slow query never freezes the screen.
 */
@org.springframework.stereotype.Component
public class LiveUpdates implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    /** Background readers for every open console screen; reads are short queries. */
    static final int THREADS = 2;
    /** How often a page asks whether its change is projected yet: projections usually follow within a few hundred ms. */
    static final Duration PROJECTION_POLL = Duration.ofMillis(300);
    /** How long a page waits for its change to be projected: a busy read side can lag a minute. */
    static final Duration PROJECTION_WAIT = Duration.ofMinutes(2);

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(THREADS,
            Thread.ofPlatform().name("console-live-updates-", 0).daemon().factory());
    private final Clock clock;

    LiveUpdates(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reads every {@code interval} and shows each result (in the UI's lock) until {@code finished}
     * says so, {@code owner} is detached, or {@code giveUpAfter} passed. A failing read is logged and
     * tried again at the next tick. {@code owner} must be attached. Removing the registration stops it.
     */
    public <T> Registration follow(Component owner, Duration interval, Duration giveUpAfter, Supplier<@Nullable T> read,
                                   Consumer<@Nullable T> show, Predicate<@Nullable T> finished) {
        UI ui = owner.getUI().orElseThrow(() -> new IllegalStateException("Only a component on screen can be kept up to date"));
        Instant giveUpAt = clock.instant().plus(giveUpAfter);
        AtomicReference<@Nullable ScheduledFuture<?>> task = new AtomicReference<>();
        AtomicReference<@Nullable Registration> onDetach = new AtomicReference<>();
        Runnable stop = () -> {
            ScheduledFuture<?> running = task.get();
            if (running != null) {
                running.cancel(false);
            }
        };
        task.set(scheduler.scheduleWithFixedDelay(() -> {
            try {
                T value = read.get();
                boolean done = finished.test(value) || !clock.instant().isBefore(giveUpAt);
                ui.access(() -> show.accept(value));
                if (done) {
                    stop.run();
                }
            } catch (UIDetachedException closed) {
                stop.run();
            } catch (RuntimeException readFailed) {
                log.warn("A live update could not be read; trying again in {}", interval, readFailed);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS));
        onDetach.set(owner.addDetachListener(detached -> stop.run()));
        return () -> {
            stop.run();
            Registration detach = onDetach.get();
            if (detach != null) {
                detach.remove();
            }
        };
    }

    /**
     * After a command: reads until the read side shows its effect ({@code projected}), then {@code show}s what it
     * read, once. A page that changed something waits for the projection this way rather than showing itself stale;
     * should the read side lag beyond {@link #PROJECTION_WAIT}, the page's own refresh remains.
     */
    public <T> Registration showOnceProjected(Component owner, Supplier<@Nullable T> read, Predicate<T> projected, Consumer<T> show) {
        return follow(owner, PROJECTION_POLL, PROJECTION_WAIT, read,
                value -> {
                    if (value != null && projected.test(value)) {
                        show.accept(value);
                    }
                },
                value -> value != null && projected.test(value));
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
