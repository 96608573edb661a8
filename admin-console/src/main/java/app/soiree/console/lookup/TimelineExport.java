package app.soiree.console.lookup;

import app.soiree.api.audit.CausalTimelinePage;
import app.soiree.api.audit.FindCausalTimeline;
import app.soiree.api.audit.TimelineEventView;
import app.soiree.api.audit.TimelineSubject;
import app.soiree.api.ledger.Posting;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A causal timeline as a download, CSV or JSON, written while it is read: page after page of the query the screen
 * uses, each event with its depth in the chain of causes as the screen draws it. At most {@link #MAX_EVENTS} events;
 * a longer story ends with a note that says so.
 */
record TimelineExport(StaffQueries queries, TimelineSubject subject, UUID id, Format format) implements DownloadHandler {

    enum Format { CSV, JSON }

    static final int PAGE_SIZE = 200;
    static final int MAX_EVENTS = 100_000;
    static final String HEADER = "position,occurred_at,depth,event_type,aggregate_type,aggregate_id,sequence,actor_kind,actor_user_id,"
            + "actor_roles,actor_provider,causation_type,causation_id,causing_event_id,correlation_id,postings,event_id,payload";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        event.setFileName(fileName());
        event.setContentType(format == Format.CSV ? "text/csv;charset=UTF-8" : "application/json");
        Writer out = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8));
        write(out);
        out.flush();
    }

    void write(Writer out) throws IOException {
        out.write(format == Format.CSV ? HEADER + "\r\n" : "{\"subject\":\"" + subject.pathName() + "\",\"id\":\"" + id + "\",\"items\":[\n");
        CausalChain chain = new CausalChain();
        int written = 0;
        boolean truncated = false;
        String cursor = null;
        do {
            CausalTimelinePage page = queries.ask(new FindCausalTimeline(subject, id, cursor, PAGE_SIZE), CausalTimelinePage.class);
            if (page == null) {
                break;
            }
            for (TimelineEventView item : page.items()) {
                if (written == MAX_EVENTS) {
                    truncated = true;
                    break;
                }
                CausalChain.Row row = chain.row(item);
                out.write(format == Format.CSV ? csv(row) : (written == 0 ? "" : ",\n") + json(row));
                written++;
            }
            cursor = truncated ? null : page.nextCursor();
            out.flush();
        } while (cursor != null);
        if (format == Format.CSV) {
            out.write(truncated ? "# truncated after " + MAX_EVENTS + " events\r\n" : "");
        } else {
            out.write("\n],\"truncated\":" + truncated + "}\n");
        }
    }

    static String csv(CausalChain.Row row) {
        TimelineEventView event = row.event();
        return String.join(",", Long.toString(event.position()), event.occurredAt().toString(), Integer.toString(row.depth()),
                Csv.text(event.type()), Csv.text(event.aggregateType()), Csv.text(event.aggregateId()), Long.toString(event.sequence()),
                event.actor().kind().name(), text(event.actor().userId()), text(event.actor().roles()), text(event.actor().provider()),
                text(event.causationType()), text(event.causationId()), text(event.causingEventId()), text(event.correlationId()),
                text(postings(event.postings())), Csv.text(event.eventId()), Csv.text(event.payloadJson())) + "\r\n";
    }

    static String json(CausalChain.Row row) {
        TimelineEventView event = row.event();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("position", event.position());
        item.put("eventId", event.eventId());
        item.put("type", event.type());
        item.put("occurredAt", event.occurredAt().toString());
        item.put("depth", row.depth());
        item.put("aggregateType", event.aggregateType());
        item.put("aggregateId", event.aggregateId());
        item.put("sequence", event.sequence());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("kind", event.actor().kind().name());
        actor.put("userId", event.actor().userId());
        actor.put("roles", event.actor().roles());
        actor.put("provider", event.actor().provider());
        item.put("actor", actor);
        item.put("causationType", event.causationType());
        item.put("causationId", event.causationId());
        item.put("causingEventId", event.causingEventId());
        item.put("correlationId", event.correlationId());
        item.put("postings", event.postings() == null ? null : event.postings().stream()
                .map(posting -> Map.of("account", posting.account(), "amount", posting.amount().amountMinor(),
                        "currency", posting.amount().currency().getCurrencyCode())).toList());
        item.put("payload", JSON.readTree(event.payloadJson()));
        return JSON.writeValueAsString(item);
    }

    /** Postings as one readable text: {@code platform:stripe +25.00 EUR; host:…:pending -23.45 EUR}. */
    static @Nullable String postings(@Nullable List<Posting> postings) {
        return postings == null ? null : postings.stream()
                .map(posting -> posting.account() + " " + (posting.amount().amountMinor() >= 0 ? "+" : "-")
                        + Formats.decimal(posting.amount().amountMinor() >= 0 ? posting.amount() : posting.amount().negated())
                        + " " + posting.amount().currency().getCurrencyCode())
                .collect(Collectors.joining("; "));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : Csv.text(value);
    }

    String fileName() {
        return "timeline_" + subject.pathName() + "_" + id + (format == Format.CSV ? ".csv" : ".json");
    }
}
