package app.soiree.server.report;

import static app.soiree.server.support.Gatherings.gathering;
import static app.soiree.server.support.Gatherings.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.Staff;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/reports} for users, gatherings and messages, with its refusals, and support's queue and decisions
 * ({@code /api/staff/reports}), through the API alone. The test profile caps reports at 5 a day per account.
 */
@IntegrationTest
class ReportsApiTest {

    @LocalServerPort
    int port;
    Api api;
    Session ana;
    Session ben;
    Session support;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ana = api.newUser("Ana Reporter");
        ben = api.newUser("Ben Reported");
        support = Staff.of(api, port).support();
    }

    @Test
    void aUserReportIsOpenOnceAndSupportResolvesIt() {
        Response filed = report(ana, "USER", ben.userId(), "HARASSMENT", "Insults me under every gathering").expectStatus(201);
        String reportId = filed.json().get("reportId").asString();
        Response again = report(ana, "USER", ben.userId(), "SPAM", null).expectStatus(200);
        assertThat(again.json().get("reportId").asString()).as("the open report, not a second one").isEqualTo(reportId);

        JsonNode listed = awaitListed(reportId, "?status=OPEN&targetType=USER");
        assertThat(listed.get("targetType").asString()).isEqualTo("USER");
        assertThat(listed.get("targetLabel").asString()).isEqualTo("Ben Reported");
        assertThat(listed.get("subjectId").asString()).isEqualTo(ben.userId());
        assertThat(listed.get("reporterName").asString()).isEqualTo("Ana Reporter");
        assertThat(listed.get("reason").asString()).isEqualTo("HARASSMENT");
        assertThat(listed.get("note").asString()).isEqualTo("Insults me under every gathering");
        assertThat(listed.get("status").asString()).isEqualTo("OPEN");

        assertThat(api.post(decision(reportId, "resolve"), support.accessToken(), Map.of("note", " ")).code()).isEqualTo("VALIDATION_FAILED");
        api.post(decision(reportId, "resolve"), support.accessToken(), Map.of("note", "Warned Ben")).expectStatus(200);
        api.post(decision(reportId, "resolve"), support.accessToken(), Map.of("note", "Warned Ben")).expectStatus(200);
        assertThat(api.post(decision(reportId, "dismiss"), support.accessToken(), Map.of("note", "No")).code()).isEqualTo("STATE_CONFLICT");

        JsonNode handled = await().atMost(Duration.ofSeconds(20)).until(() -> staffReport(reportId),
                report -> "HANDLED".equals(report.get("status").asString()));
        assertThat(handled.get("outcome").asString()).isEqualTo("RESOLVED");
        assertThat(handled.get("handlingNote").asString()).isEqualTo("Warned Ben");
        assertThat(handled.get("handledBy").asString()).isEqualTo(support.userId());

        String second = report(ana, "USER", ben.userId(), "HARASSMENT", "Again").expectStatus(201).json().get("reportId").asString();
        assertThat(second).as("a decided report frees the target for a new one").isNotEqualTo(reportId);
    }

    @Test
    void reportsAreRefusedForUnknownTargetsOneselfLongNotesAndStrangers() {
        assertThat(report(ana, "USER", UUID.randomUUID().toString(), "SPAM", null).status()).isEqualTo(404);
        assertThat(report(ana, "GATHERING", UUID.randomUUID().toString(), "SPAM", null).status()).isEqualTo(404);
        assertThat(report(ana, "MESSAGE", UUID.randomUUID().toString(), "SPAM", null).status()).isEqualTo(404);

        Response self = report(ana, "USER", ana.userId(), "SPAM", null);
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.code()).isEqualTo("CANNOT_REPORT_SELF");

        Response tooLong = report(ana, "USER", ben.userId(), "SPAM", "x".repeat(501));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(fields(tooLong)).containsExactly("note");
        Response incomplete = api.post("/api/reports", ana.accessToken(), Map.of("targetType", "USER", "targetId", ben.userId()));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(fields(incomplete)).containsExactly("reason");
        assertThat(report(ana, "POST_CARD", ben.userId(), "SPAM", null).status()).isEqualTo(400);

        assertThat(report(null, "USER", ben.userId(), "SPAM", null).status()).isEqualTo(401);
        assertThat(api.get("/api/staff/reports", ana.accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/staff/reports", null).status()).isEqualTo(401);
        String reportId = report(ana, "USER", ben.userId(), "SPAM", null).expectStatus(201).json().get("reportId").asString();
        assertThat(api.post(decision(reportId, "dismiss"), ana.accessToken(), Map.of("note", "mine")).status()).isEqualTo(403);
        assertThat(api.post(decision(reportId, "dismiss"), Staff.of(api, port).finance().accessToken(), Map.of("note", "no")).status())
                .isEqualTo(403);
        assertThat(api.post(decision(UUID.randomUUID().toString(), "dismiss"), support.accessToken(), Map.of("note", "no")).status())
                .isEqualTo(404);
    }

    @Test
    void aGatheringIsReportedOnlyWhenTheReporterCanSeeItAndNeverByItsHost() {
        Session host = api.newHost("Gathering Host");
        String published = Gatherings.publish(api, host, gathering("Loud supper", List.of(tier("Free", 0, 10))));
        Gatherings.firstTierId(api, published);
        String draft = api.post("/api/gatherings", host.accessToken(), gathering("Secret supper", List.of(tier("Free", 0, 10))))
                .expectStatus(201).json().get("gatheringId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/gatherings/" + draft, host.accessToken()).status() == 200);

        assertThat(report(ana, "GATHERING", draft, "OTHER", null).status()).as("someone else's draft").isEqualTo(404);
        assertThat(report(host, "GATHERING", draft, "OTHER", null).code()).isEqualTo("CANNOT_REPORT_SELF");
        assertThat(report(host, "GATHERING", published, "OTHER", null).code()).isEqualTo("CANNOT_REPORT_SELF");

        String reportId = report(ana, "GATHERING", published, "SPAM", "Not a supper, an ad").expectStatus(201).json().get("reportId").asString();
        JsonNode listed = awaitListed(reportId, "?targetType=GATHERING");
        assertThat(listed.get("targetId").asString()).isEqualTo(published);
        assertThat(listed.get("targetLabel").asString()).isEqualTo("Loud supper");
        assertThat(listed.get("subjectName").asString()).isEqualTo("Gathering Host");

        api.post(decision(reportId, "dismiss"), support.accessToken(), Map.of("note", "A real supper")).expectStatus(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> staffReport(reportId), report -> "DISMISSED".equals(report.path("outcome").asString()));
    }

    @Test
    void aMessageIsReportedByMembersOnlyAndItsReportIsTheChatsOwn() {
        Session stranger = api.newUser("Stranger");
        String conversation = api.post("/api/conversations", ana.accessToken(), Map.of("title", "Supper club", "memberIds", List.of(ben.userId())))
                .expectStatus(201).json().get("conversationId").asString();
        String messageId = api.postOnce("/api/conversations/" + conversation + "/messages", ben.accessToken(),
                Map.of("type", "TEXT", "text", "Buy followers here")).expectStatus(201).json().get("messageId").asString();

        assertThat(report(stranger, "MESSAGE", messageId, "SPAM", null).status()).as("not a member").isEqualTo(404);
        assertThat(report(ben, "MESSAGE", messageId, "SPAM", null).code()).isEqualTo("CANNOT_REPORT_SELF");
        String reportId = report(ana, "MESSAGE", messageId, "SPAM", "An ad").expectStatus(201).json().get("reportId").asString();
        assertThat(report(ana, "MESSAGE", messageId, "OTHER", null).expectStatus(200).json().get("reportId").asString()).isEqualTo(reportId);
        assertThat(api.post("/api/messages/" + messageId + "/reports", ana.accessToken(), Map.of("reason", "SPAM")).expectStatus(201)
                .json().get("reportId").asString()).as("one report, whichever way in").isEqualTo(reportId);

        JsonNode listed = awaitListed(reportId, "?targetType=MESSAGE&status=OPEN");
        assertThat(listed.get("targetLabel").asString()).isEqualTo("Buy followers here");
        assertThat(listed.get("subjectName").asString()).isEqualTo("Ben Reported");
        assertThat(listed.get("message").get("conversationTitle").asString()).isEqualTo("Supper club");
        assertThat(api.post(decision(reportId, "dismiss"), support.accessToken(), Map.of("note", "no")).status())
                .as("a message report is settled by deleting the message or banning its sender").isEqualTo(404);
    }

    @Test
    void aReporterFilesAtMostFiveReportsADayOfAnyKind() {
        Session reporter = api.newUser("Busy Reporter");
        String firstReport = null;
        for (int i = 0; i < 5; i++) {
            Response filed = report(reporter, "USER", api.newUser("Target " + i).userId(), "SPAM", null).expectStatus(201);
            firstReport = firstReport == null ? filed.json().get("reportId").asString() : firstReport;
        }

        Response capped = report(reporter, "USER", ben.userId(), "SPAM", null);
        assertThat(capped.status()).isEqualTo(429);
        assertThat(capped.code()).isEqualTo("RATE_LIMITED");
        assertThat(capped.header("Retry-After")).isNotNull();
        assertThat(report(reporter, "MESSAGE", UUID.randomUUID().toString(), "SPAM", null).status())
                .as("an unknown message is not found before the cap is asked").isEqualTo(404);
        String groupId = api.post("/api/conversations", reporter.accessToken(), Map.of("title", "Club", "memberIds", List.of(ben.userId())))
                .expectStatus(201).json().get("conversationId").asString();
        String messageId = api.postOnce("/api/conversations/" + groupId + "/messages", ben.accessToken(), Map.of("type", "TEXT", "text", "Hi"))
                .expectStatus(201).json().get("messageId").asString();
        assertThat(report(reporter, "MESSAGE", messageId, "SPAM", null).code()).as("messages count too").isEqualTo("RATE_LIMITED");
        assertThat(api.post("/api/messages/" + messageId + "/reports", reporter.accessToken(), Map.of("reason", "SPAM")).code())
                .isEqualTo("RATE_LIMITED");
        assertThat(report(reporter, "USER", api.newUser("Target 0 again").userId(), "SPAM", null).code()).isEqualTo("RATE_LIMITED");
        assertThat(report(ana, "USER", ben.userId(), "SPAM", null).status()).as("the cap is per reporter").isEqualTo(201);
        assertThat(firstReport).isNotNull();
    }

    private Response report(@Nullable Session reporter, String targetType, String targetId, String reason, @Nullable String note) {
        Map<String, Object> body = new HashMap<>(Map.of("targetType", targetType, "targetId", targetId, "reason", reason));
        if (note != null) {
            body.put("note", note);
        }
        return api.post("/api/reports", reporter == null ? null : reporter.accessToken(), body);
    }

    private static String decision(String reportId, String action) {
        return "/api/staff/reports/" + reportId + "/" + action;
    }

    private JsonNode staffReport(String reportId) {
        return api.get("/api/staff/reports/" + reportId, support.accessToken()).expectStatus(200).json();
    }

    /** The report as the queue lists it once the read side has it, found by paging through the queue with the filter. */
    private JsonNode awaitListed(String reportId, String filter) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> listed(reportId, filter), found -> found != null);
    }

    private @Nullable JsonNode listed(String reportId, String filter) {
        String cursor = null;
        do {
            JsonNode page = api.get("/api/staff/reports" + filter + "&limit=100" + (cursor == null ? "" : "&cursor=" + cursor),
                    support.accessToken()).expectStatus(200).json();
            for (JsonNode item : page.get("items")) {
                if (item.get("reportId").asString().equals(reportId)) {
                    return item;
                }
            }
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return null;
    }

    private static List<String> fields(Response response) {
        return response.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList();
    }
}
