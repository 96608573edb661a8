package app.soiree.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ReadAdmissionFilterTest {

    /** One permit lets one running request finish. */
    final Semaphore finish = new Semaphore(0);
    final List<String> ran = new CopyOnWriteArrayList<>();
    final AtomicInteger running = new AtomicInteger();

    /** A chain that notes which request ran and holds it until it may {@link #finish}. */
    final FilterChain holding = (request, response) -> {
        ran.add(((MockHttpServletRequest) request).getRequestURI());
        running.incrementAndGet();
        try {
            finish.tryAcquire(10, TimeUnit.SECONDS);
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
        // One place at a time, so that each is taken by the read at the head of the queue before the next frees up:
        // letting all go at once would race the admitted reads to the list, not to the filter.
        for (int admitted = 3; admitted <= 6; admitted++) {
            finish.release();
            awaitRan(admitted);
        }
        finish.release(1_000);
        for (Thread read : reads) {
            read.join(10_000);
        }
        assertThat(ran).containsExactly("/api/reads/0", "/api/reads/1", "/api/reads/2", "/api/reads/3", "/api/reads/4", "/api/reads/5");
    }

    @Test
    void aReadNotLetInWithinTheWaitRunsAnyway() throws Exception {
        ReadAdmissionFilter filter = new ReadAdmissionFilter(1, Duration.ofMillis(200));
        Thread first = Thread.ofPlatform().start(read(filter, "GET", "/api/first"));
        awaitRunning(1); // the first holds the only place before the second asks (started together, either could win it)
        Thread second = Thread.ofPlatform().start(read(filter, "GET", "/api/second"));

        awaitRunning(2);
        assertThat(ran).containsExactly("/api/first", "/api/second");
        finish.release(1_000);
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
        finish.release(1_000);
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

    private void awaitRan(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ran.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(ran).hasSize(count);
    }

    private void awaitRunning(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (running.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(running.get()).isEqualTo(count);
    }
}
