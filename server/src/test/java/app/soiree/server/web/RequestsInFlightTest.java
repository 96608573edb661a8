package app.soiree.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestsInFlightTest {

    final RequestsInFlight requests = new RequestsInFlight();
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch finish = new CountDownLatch(1);

    /** A chain that holds its request until it may {@link #finish}. */
    final FilterChain holding = (request, response) -> {
        entered.countDown();
        try {
            finish.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    };

    @Test
    void anApiRequestCountsFromItsFirstFilterToItsEnd() throws Exception {
        Thread request = Thread.ofPlatform().start(request("POST", "/api/bookings"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(requests.count()).isEqualTo(1);
        finish.countDown();
        request.join(10_000);
        assertThat(requests.count()).isZero();
    }

    @Test
    void aRequestThatFailsStillEnds() {
        FilterChain failing = (request, response) -> {
            throw new IllegalStateException("boom");
        };
        assertThatThrownBy(() -> requests.doFilter(new MockHttpServletRequest("GET", "/api/gatherings"), new MockHttpServletResponse(),
                failing)).hasMessage("boom");
        assertThat(requests.count()).isZero();
    }

    @Test
    void pagesSocketsAndFileDownloadsAreNotCounted() throws Exception {
        for (String path : new String[] {"/ws", "/console/payouts", "/actuator/health", "/api/media/abc/content", "/api/disputes/d/files/f"}) {
            AtomicBoolean counted = new AtomicBoolean();
            requests.doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(),
                    (request, response) -> counted.set(requests.count() > 0));
            assertThat(counted).as(path).isFalse();
        }
    }

    @Test
    void quietAtOnceWhenNoRequestIsBeingAnswered() throws Exception {
        long started = System.nanoTime();
        assertThat(requests.awaitQuiet(Duration.ofSeconds(10))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aWaiterIsWokenWhenTheLastRequestEnds() throws Exception {
        Thread request = Thread.ofPlatform().start(request("POST", "/api/bookings"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicBoolean quiet = new AtomicBoolean();
        Thread waiter = Thread.ofPlatform().start(() -> {
            waiting.countDown();
            try {
                quiet.set(requests.awaitQuiet(Duration.ofSeconds(30)));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

        waiter.join(200);
        assertThat(waiter.isAlive()).as("waits while the request is answered").isTrue();
        finish.countDown();
        waiter.join(10_000);
        assertThat(waiter.isAlive()).as("woken long before its 30 s").isFalse();
        assertThat(quiet).isTrue();
        request.join(10_000);
    }

    @Test
    void aWaitEndsAfterItsLongestEvenWhileRequestsGoOn() throws Exception {
        Thread request = Thread.ofPlatform().start(request("GET", "/api/gatherings"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThat(requests.awaitQuiet(Duration.ofMillis(100))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        finish.countDown();
        request.join(10_000);
    }

    private Runnable request(String method, String path) {
        return () -> {
            try {
                requests.doFilter(new MockHttpServletRequest(method, path), new MockHttpServletResponse(), holding);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
