package app.soiree.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ReadAdmissionFilterTest {

    final CountDownLatch release = new CountDownLatch(1);
    final List<String> ran = new CopyOnWriteArrayList<>();
    final AtomicInteger running = new AtomicInteger();

    /** A chain that notes which request ran and holds it until {@link #release}. */
    final FilterChain holding = (request, response) -> {
        ran.add(((MockHttpServletRequest) request).getRequestURI());
        running.incrementAndGet();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
        }
    };

    @Test
    void readsBeyondThoseLetInWaitAndRunInTheOrderTheyCame() throws Exception {
        ReadAdmissionFilter filter = new ReadAdmissionFilter(2, Duration.ofSeconds(10));
        List<Thread> reads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reads.add(Thread.ofPlatform().start(read(filter, "GET", "/api/reads/" + i)));
            awaitArrived(filter, i + 1);
        }

        assertThat(running.get()).isEqualTo(2);
        assertThat(ran).containsExactly("/api/reads/0", "/api/reads/1");
        release.countDown();
        for (Thread read : reads) {
            read.join(10_000);
        }
        assertThat(ran).containsExactly("/api/reads/0", "/api/reads/1", "/api/reads/2", "/api/reads/3", "/api/reads/4", "/api/reads/5");
    }

    @Test
    void aReadNotLetInWithinTheWaitRunsAnyway() throws Exception {
        ReadAdmissionFilter filter = new ReadAdmissionFilter(1, Duration.ofMillis(200));
        Thread first = Thread.ofPlatform().start(read(filter, "GET", "/api/first"));
        Thread second = Thread.ofPlatform().start(read(filter, "GET", "/api/second"));

        awaitRunning(2);
        assertThat(ran).containsExactly("/api/first", "/api/second");
        release.countDown();
        first.join(10_000);
        second.join(10_000);
    }

    @Test
    void commandsFileDownloadsAndPagesOutsideTheApiAreNeverQueued() throws Exception {
        ReadAdmissionFilter filter = new ReadAdmissionFilter(1, Duration.ofSeconds(10));
        Thread read = Thread.ofPlatform().start(read(filter, "GET", "/api/held"));
        awaitRunning(1);

        List<Thread> others = List.of(Thread.ofPlatform().start(read(filter, "POST", "/api/bookings")),
                Thread.ofPlatform().start(read(filter, "GET", "/api/media/m1/content")),
                Thread.ofPlatform().start(read(filter, "GET", "/api/staff/disputes/d1/files/f1")),
                Thread.ofPlatform().start(read(filter, "GET", "/console/disputes")));

        awaitRunning(5);
        release.countDown();
        read.join(10_000);
        for (Thread other : others) {
            other.join(10_000);
        }
    }

    private Runnable read(ReadAdmissionFilter filter, String method, String path) {
        return () -> {
            try {
                filter.doFilter(new MockHttpServletRequest(method, path), new MockHttpServletResponse(), holding);
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        };
    }

    /** Until the reads started so far are running or queued, so that the next one arrives after them. */
    private void awaitArrived(ReadAdmissionFilter filter, int started) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (running.get() + filter.queued() < started && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(running.get() + filter.queued()).isEqualTo(started);
    }

    private void awaitRunning(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (running.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(running.get()).isEqualTo(count);
    }
}
