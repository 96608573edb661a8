package app.soiree.console.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.audit.FindCausalTimeline;
import app.soiree.api.audit.TimelineSubject;
import app.soiree.console.platform.StaffQueries;
import app.soiree.console.support.ConsoleViewTest;
import com.vaadin.flow.component.grid.GridTester;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WithMockUser(username = ConsoleViewTest.STAFF_ID, roles = "SUPPORT")
class CausalTimelineViewTest extends ConsoleViewTest {

    @Autowired
    TestTimelines timelines;
    @Autowired
    StaffQueries queries;

    @BeforeEach
    void freshTimelines() {
        timelines.reset();
    }

    @Test
    void aBookingsStoryIsOneTimelineWithEachEventUnderItsCause() {
        CausalTimelineView view = navigate("story/booking/" + TestTimelines.BOOKING, CausalTimelineView.class);

        GridTester<?, CausalChain.Row> grid = test(view.events);
        assertThat(grid.size()).isEqualTo(4);
        assertThat(List.of(grid.getRow(0), grid.getRow(1), grid.getRow(2), grid.getRow(3)))
                .extracting(row -> row.event().type() + "@" + row.depth())
                .containsExactly("SeatsHeld@0", "PaymentCaptured@0", "SeatsConfirmed@1", "EarningsReleased@0");
        assertThat(CausalTimelineView.cause(grid.getRow(2))).isEqualTo("command:ConfirmSeats ← #14");
        assertThat(CausalTimelineView.actor(grid.getRow(1).event().actor())).isEqualTo("provider stripe");
        assertThat(CausalTimelineView.actor(grid.getRow(3).event().actor())).isEqualTo("deadline");
        assertThat(view.exportCsv.isEnabled()).isTrue();
        assertThat(timelines.asked).extracting(FindCausalTimeline::subject).containsOnly(TimelineSubject.BOOKING);
    }

    @Test
    void anUnknownSubjectSaysSoAndOffersNoExport() {
        CausalTimelineView view = navigate("story/payout/" + UUID.randomUUID(), CausalTimelineView.class);

        assertThat(test(view.events).size()).isZero();
        assertThat(view.summary.getText()).startsWith("No event concerns payout");
        assertThat(view.exportJson.isEnabled()).isFalse();
    }

    @Test
    void theCsvExportHasEveryEventWithItsDepthCauseAndMoneyPageByPage() throws Exception {
        StringWriter csv = new StringWriter();

        new TimelineExport(queries, TimelineSubject.BOOKING, TestTimelines.BOOKING, TimelineExport.Format.CSV).write(csv);

        List<String> lines = csv.toString().lines().toList();
        assertThat(lines.getFirst()).isEqualTo(TimelineExport.HEADER);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(2)).startsWith("14,2026-12-07T10:00:14Z,0,\"PaymentCaptured\",").contains(",PROVIDER,,,\"stripe\",")
                .contains("\"platform:stripe +25.00 EUR; platform:fees -25.00 EUR\"");
        assertThat(lines.get(3)).startsWith("17,2026-12-07T10:00:17Z,1,\"SeatsConfirmed\",").contains("\"e-captured\"");
    }

    @Test
    void theJsonExportHoldsEachEventAsStoredWithItsPlaceInTheChain() throws Exception {
        StringWriter json = new StringWriter();

        new TimelineExport(queries, TimelineSubject.BOOKING, TestTimelines.BOOKING, TimelineExport.Format.JSON).write(json);

        JsonNode export = JsonMapper.builder().build().readTree(json.toString());
        assertThat(export.get("subject").asString()).isEqualTo("booking");
        assertThat(export.get("truncated").asBoolean()).isFalse();
        assertThat(export.get("items")).hasSize(4);
        JsonNode confirmed = export.get("items").get(2);
        assertThat(confirmed.get("depth").asInt()).isEqualTo(1);
        assertThat(confirmed.get("causingEventId").asString()).isEqualTo("e-captured");
        assertThat(export.get("items").get(1).get("payload").get("amount").get("amount").asLong()).isEqualTo(2500);
        assertThat(export.get("items").get(1).get("postings").get(0).get("account").asString()).isEqualTo("platform:stripe");
    }
}
