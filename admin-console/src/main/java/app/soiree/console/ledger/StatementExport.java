package app.soiree.console.ledger;

import app.soiree.api.ledger.FindAccountEntries;
import app.soiree.api.ledger.LedgerEntryPage;
import app.soiree.api.ledger.LedgerEntryView;
import app.soiree.console.platform.Csv;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.StaffQueries;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An account statement as a CSV download, written while it is read: page after page of the same
 * query the screen uses, so memory holds one page whatever the length. At most {@link #MAX_ROWS}
 * postings; a longer statement ends with a line that says so.
 */
record StatementExport(StaffQueries queries, String account, @Nullable Instant from, @Nullable Instant to) implements DownloadHandler {

    /** The query side's largest page. */
    static final int PAGE_SIZE = 100;
    static final int MAX_ROWS = 100_000;
    static final String HEADER = "occurred_at,account,currency,debit,credit,amount_minor,event_type,reference,actor,event_id,entry_id";

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        event.setFileName(fileName());
        event.setContentType("text/csv;charset=UTF-8");
        Writer csv = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8));
        write(csv);
        csv.flush();
    }

    void write(Writer csv) throws IOException {
        csv.write(HEADER);
        csv.write("\r\n");
        int rows = 0;
        String cursor = null;
        do {
            LedgerEntryPage page = queries.ask(new FindAccountEntries(account, from, to, cursor, PAGE_SIZE), LedgerEntryPage.class);
            if (page == null) {
                break;
            }
            for (LedgerEntryView entry : page.items()) {
                if (rows == MAX_ROWS) {
                    csv.write("# truncated after " + MAX_ROWS + " postings: export a shorter date range\r\n");
                    return;
                }
                csv.write(row(entry));
                rows++;
            }
            cursor = page.nextCursor();
            csv.flush();
        } while (cursor != null);
    }

    static String row(LedgerEntryView entry) {
        long amount = entry.amount().amountMinor();
        String debit = amount > 0 ? Formats.decimal(entry.amount()) : "";
        String credit = amount < 0 ? Formats.decimal(entry.amount().negated()) : "";
        return String.join(",", entry.occurredAt().toString(), text(entry.account()), entry.amount().currency().getCurrencyCode(),
                debit, credit, Long.toString(amount), text(entry.eventType()), text(entry.reference()), text(entry.actor()),
                text(entry.eventId()), text(entry.entryId())) + "\r\n";
    }

    static String text(String value) {
        return Csv.text(value);
    }

    String fileName() {
        String range = (from == null ? "start" : Formats.local(from).toLocalDate().toString()) + "_"
                + (to == null ? "now" : Formats.local(to).toLocalDate().toString());
        return "statement_" + account.replaceAll("[^A-Za-z0-9._-]", "_") + "_" + range + ".csv";
    }
}
