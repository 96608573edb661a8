package app.soiree.server.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Idempotency;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.KnownRefusals;
import app.soiree.api.error.SoireeException;
import app.soiree.server.support.IntegrationTest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filter with the real store (the test PostgreSQL) and a refusal known for one path: a known refusal is answered
 * without running the request and becomes the key's answer; a key the store already knows is never refused at the edge.
 */
@IntegrationTest
class KnownRefusalsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    IdempotencyStore store;

    private final AtomicBoolean full = new AtomicBoolean(true);
    private final KnownRefusals refusedWhileFull = (path, body) -> full.get() && path.equals("/api/full")
            ? Optional.of(new SoireeException(ErrorCode.SOLD_OUT, "No seats are left for this tier"))
            : Optional.empty();

    @Test
    void aKnownRefusalIsAnsweredWithoutRunningTheRequestAndIsTheKeysAnswerFromThenOn() throws Exception {
        IdempotencyFilter filter = new IdempotencyFilter(store, List.of(refusedWhileFull));
        String user = UUID.randomUUID().toString();

        Answer refused = send(filter, user, "key-1", "/api/full", "{\"seats\": 1}");
        assertThat(refused.runs()).isZero();
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.response().getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("SOLD_OUT");
        assertThat(refused.json().get("detail").asString()).isEqualTo("No seats are left for this tier");
        assertThat(refused.json().get("instance").asString()).isEqualTo("/api/full");
        assertThat(refused.response().getHeader("Idempotent-Replayed")).isNull();

        full.set(false); // seats came back: a retry of the refused request still gets the refusal it was given
        Answer retried = send(filter, user, "key-1", "/api/full", "{\"seats\": 1}");
        assertThat(retried.runs()).isZero();
        assertThat(retried.status()).isEqualTo(422);
        assertThat(retried.json()).isEqualTo(refused.json());
        assertThat(retried.response().getHeader("Idempotent-Replayed")).isEqualTo("true");

        Answer reused = send(filter, user, "key-1", "/api/full", "{\"seats\": 2}");
        assertThat(reused.runs()).isZero();
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        Answer elsewhere = send(filter, user, "key-2", "/api/elsewhere", "{\"seats\": 1}");
        assertThat(elsewhere.runs()).isEqualTo(1);
        assertThat(elsewhere.status()).isEqualTo(201);
    }

    @Test
    void aKeyTheStoreKnowsIsAnsweredFromWhatItRemembersNotRefusedAtTheEdge() throws Exception {
        IdempotencyFilter filter = new IdempotencyFilter(store, List.of(refusedWhileFull));
        String user = UUID.randomUUID().toString();
        full.set(false);

        Answer held = send(filter, user, "last-seat", "/api/full", "{\"seats\": 1}");
        assertThat(held.runs()).isEqualTo(1);
        assertThat(held.status()).isEqualTo(201);

        full.set(true); // the tier is known sold out now, by the hold above among others
        Answer retried = send(filter, user, "last-seat", "/api/full", "{\"seats\": 1}");
        assertThat(retried.runs()).isZero();
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json()).isEqualTo(held.json());
        assertThat(retried.response().getHeader("Idempotent-Replayed")).isEqualTo("true");

        assertThat(send(filter, user, "too-late", "/api/full", "{\"seats\": 1}").status()).isEqualTo(422);
    }

    @Test
    void eachRefusalIsAnsweredWithItsOwnDetailAndPathThoughAnswersAreKeptWritten() throws Exception {
        AtomicInteger seatsLeft = new AtomicInteger(1);
        KnownRefusals fewLeft = (path, body) -> path.startsWith("/api/tiers/")
                ? Optional.of(new SoireeException(ErrorCode.SOLD_OUT, "Only " + seatsLeft.get() + " seats are left"))
                : Optional.empty();
        IdempotencyFilter filter = new IdempotencyFilter(store, List.of(fewLeft));
        String user = UUID.randomUUID().toString();

        Answer first = send(filter, user, "a", "/api/tiers/1", "{\"seats\": 2}");
        Answer again = send(filter, user, "b", "/api/tiers/1", "{\"seats\": 2}");
        assertThat(again.response().getContentAsByteArray()).isEqualTo(first.response().getContentAsByteArray());
        Answer otherPath = send(filter, user, "c", "/api/tiers/2", "{\"seats\": 2}");
        seatsLeft.set(0);
        Answer otherDetail = send(filter, user, "d", "/api/tiers/1", "{\"seats\": 2}");
        for (int i = 0; i < IdempotencyFilter.MAX_REFUSALS_KEPT + 5; i++) { // more than are kept: forgotten, written again
            assertThat(send(filter, user, "e" + i, "/api/tiers/x" + i, "{}").json().get("instance").asString()).isEqualTo("/api/tiers/x" + i);
        }
        Answer afterMany = send(filter, user, "f", "/api/tiers/1", "{\"seats\": 2}");

        assertThat(first.json().get("detail").asString()).isEqualTo("Only 1 seats are left");
        assertThat(first.json().get("instance").asString()).isEqualTo("/api/tiers/1");
        assertThat(otherPath.json().get("instance").asString()).isEqualTo("/api/tiers/2");
        assertThat(otherDetail.json().get("detail").asString()).isEqualTo("Only 0 seats are left");
        assertThat(afterMany.json()).isEqualTo(otherDetail.json());
        assertThat(List.of(first, again, otherPath, otherDetail, afterMany)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.runs()).isZero();
        });
    }

    /** One POST through the filter; the request behind it, when it runs, answers 201 with a new booking. */
    private static Answer send(IdempotencyFilter filter, String userId, String key, String path, String body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        request.addHeader(Idempotency.KEY_HEADER, key);
        request.setUserPrincipal(UsernamePasswordAuthenticationToken.authenticated(userId, null, List.of()));
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicInteger runs = new AtomicInteger();
        filter.doFilter(request, response, (ran, answer) -> {
            runs.incrementAndGet();
            ((HttpServletResponse) answer).setStatus(201);
            answer.setContentType("application/json");
            answer.getOutputStream().write(("{\"booking\": \"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8));
        });
        return new Answer(runs.get(), response.getStatus(), response);
    }

    private record Answer(int runs, int status, MockHttpServletResponse response) {
        JsonNode json() throws Exception {
            return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        }
    }
}
