package app.soiree.console.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditTimelineViewTest {

    @Test
    void payloadsArePrettyPrintedAndAbbreviatedInTheRow() {
        assertThat(AuditTimelineView.pretty("{\"amount\":{\"amount\":2500,\"currency\":\"EUR\"}}"))
                .isEqualTo("{\n  \"amount\" : {\n    \"amount\" : 2500,\n    \"currency\" : \"EUR\"\n  }\n}");
        assertThat(AuditTimelineView.pretty("not json")).isEqualTo("not json");
        assertThat(AuditTimelineView.abbreviated("x".repeat(500))).hasSize(AuditTimelineView.ABBREVIATED_LENGTH + 1).endsWith("…");
    }
}
