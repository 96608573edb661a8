package app.soiree.console.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.ledger.FindAccountEntries;
import app.soiree.console.platform.StaffQueries;
import app.soiree.console.support.ConsoleViewTest;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The CSV is written page by page from the same query the screen uses. */
class StatementExportTest extends ConsoleViewTest {

    @Autowired
    StaffQueries queries;

    @Test
    void writesEveryPostingOfTheRangeInPagesOfAHundred() throws Exception {
        ledger.postings("platform:fees", 250);
        StringWriter csv = new StringWriter();

        new StatementExport(queries, "platform:fees", null, null).write(csv);

        List<String> lines = csv.toString().lines().toList();
        assertThat(lines).hasSize(251);
        assertThat(lines.getFirst()).isEqualTo(StatementExport.HEADER);
        assertThat(lines.get(1)).isEqualTo("2026-11-01T00:00:00Z,\"platform:fees\",EUR,10.00,,1000,\"PaymentCaptured\",\"payment:0\",\"system\",\"event-0\",\"entry-0\"");
        assertThat(lines.get(2)).contains(",EUR,,10.01,-1001,");
        List<FindAccountEntries> asked = ledger.queriesReceived.stream().map(FindAccountEntries.class::cast).toList();
        assertThat(asked).extracting(FindAccountEntries::limit).containsOnly(StatementExport.PAGE_SIZE);
        assertThat(asked).extracting(FindAccountEntries::cursor).containsExactly(null, "100", "200");
    }

    @Test
    void aTextThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(StatementExport.text("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(StatementExport.text("payment:1")).isEqualTo("\"payment:1\"");
    }

    @Test
    void theFileNameSaysWhichAccountAndRange() {
        StatementExport export = new StatementExport(queries, "host:abc:pending", Instant.parse("2026-11-01T00:00:00Z"), null);

        assertThat(export.fileName()).isEqualTo("statement_host_abc_pending_2026-11-01_now.csv");
    }
}
