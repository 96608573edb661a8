package app.soiree.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Appends realistic events to the server's event store, fast, in the rows the server itself writes: Axon's
 * {@code domain_event_entry}, payloads and metadata as its serializer wrote them (JSON, personal data sealed).
 *
 * <p>The events are copies of a window of the real stream (the warm-up's: a gathering published and booked, its
 * payments captured and journalled, its conversation, notifications planned and delivered), copied again and again.
 * Each copy is a story of its own: every UUID first seen in the window (gatherings, tiers, bookings, payments,
 * conversations, notifications, message ids in the metadata) gets a fresh one, consistently across the copy's
 * payloads, metadata and aggregate identifiers; UUIDs of what existed before the window (the users: their personal
 * data stays sealed under their keys, and openable) are kept. Each event gets a fresh identifier, the next global
 * index, and the time it was written; an aggregate keeps its sequence numbers. Events of aggregates that existed before
 * the window (their copies would collide with the originals' sequence numbers) are not copied.
 *
 * <p>Only with the server stopped, on its own PostgreSQL (the harness starts it alone): rows go in with COPY (binary),
 * the id sequence Axon draws global indexes from is moved past them, and every tracking processor not in
 * {@code catchUp} is moved to the new head, as if it had handled them: copies would otherwise set off sagas and
 * deadlines that hold seats, request payments and send notifications for stories that are only history. The
 * processors in {@code catchUp} keep their tokens and work through every copied event when the server starts.
 */
final class EventStoreGenerator {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Axon's own format for {@code time_stamp}: ISO-8601 in UTC, milliseconds. */
    private static final DateTimeFormatter AXON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int ROWS_PER_COPY = 50_000;
    private static final String GAP_AWARE_TOKEN = "org.axonframework.eventhandling.GapAwareTrackingToken";

    /** A byte string with holes, each to be filled with the copy's UUID of one slot. */
    private record Shape(byte[][] literals, int[] slots) {

        void write(ByteArrayOutputStream out, byte[][] uuids) {
            for (int i = 0; i < slots.length; i++) {
                out.writeBytes(literals[i]);
                out.writeBytes(uuids[slots[i]]);
            }
            out.writeBytes(literals[slots.length]);
        }

        int length(int uuidLength) {
            int length = slots.length * uuidLength;
            for (byte[] literal : literals) {
                length += literal.length;
            }
            return length;
        }
    }

    /** One event of the window; {@code metaData} is null when the original had none. */
    private record Template(Shape aggregateIdentifier, long sequenceNumber, String type, String payloadType, String payloadRevision,
                            Shape payload, Shape metaData) {
    }

    /** What the generator copies: the templates in stream order, and how many distinct UUIDs each copy renews. */
    record Window(long fromExclusive, long toInclusive, int events, int skipped, int freshUuids, Map<String, Integer> byType) {
    }

    record Generated(long events, long firstIndex, long lastIndex, Duration took, long payloadBytes) {
        double perSecond() {
            return Samples.perSecond(events, took.toMillis());
        }
    }

    private final List<Template> templates = new ArrayList<>();
    private final Window window;
    

    private EventStoreGenerator(Window window) {
        this.window = window;
    }

    Window window() {
        return window;
    }

    /**
     * Reads the window {@code (fromExclusive, toInclusive]} of the stream as templates. UUIDs seen in events up to
     * {@code fromExclusive} belong to what existed before the window and are kept in every copy.
     */
    static EventStoreGenerator fromWindow(Connection connection, long fromExclusive, long toInclusive) throws SQLException {
        Set<String> existing = new HashSet<>();
        try (PreparedStatement before = connection.prepareStatement(
                "select aggregate_identifier, payload, meta_data from domain_event_entry where global_index <= ?")) {
            before.setLong(1, fromExclusive);
            try (ResultSet rows = before.executeQuery()) {
                while (rows.next()) {
                    collectUuids(rows.getString(1), existing);
                    collectUuids(latin1(rows.getBytes(2)), existing);
                    collectUuids(latin1(rows.getBytes(3)), existing);
                }
            }
        }
        Map<String, Integer> slots = new LinkedHashMap<>();
        Map<String, Integer> byType = new java.util.TreeMap<>();
        int skipped = 0;
        List<Template> templates = new ArrayList<>();
        try (PreparedStatement inWindow = connection.prepareStatement("""
                select aggregate_identifier, sequence_number, type, payload_type, payload_revision, payload, meta_data
                from domain_event_entry where global_index > ? and global_index <= ? order by global_index""")) {
            inWindow.setLong(1, fromExclusive);
            inWindow.setLong(2, toInclusive);
            try (ResultSet rows = inWindow.executeQuery()) {
                while (rows.next()) {
                    String aggregate = rows.getString(1);
                    Shape aggregateShape = shape(aggregate, existing, slots);
                    if (aggregateShape.slots().length == 0) {
                        skipped++; // an aggregate from before the window: a copy would reuse its identifier and sequence numbers
                        continue;
                    }
                    byte[] meta = rows.getBytes(7);
                    String payloadType = rows.getString(4);
                    templates.add(new Template(aggregateShape, rows.getLong(2), rows.getString(3), payloadType, rows.getString(5),
                            shape(latin1(rows.getBytes(6)), existing, slots), meta == null ? null : shape(latin1(meta), existing, slots)));
                    byType.merge(payloadType.substring(payloadType.lastIndexOf('.') + 1), 1, Integer::sum);
                }
            }
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("No events to copy in the window (" + fromExclusive + ", " + toInclusive + "]");
        }
        EventStoreGenerator generator = new EventStoreGenerator(new Window(fromExclusive, toInclusive, templates.size(), skipped, slots.size(), byType));
        generator.templates.addAll(templates);
        return generator;
    }

    /**
     * Appends {@code count} events after everything the store holds or has handed out (the id sequence may be ahead of
     * the last row), moves the sequence past them, and analyses the table, as one would after a bulk load.
     */
    Generated append(Connection connection, long count) throws SQLException, IOException {
        long started = System.nanoTime();
        long first;
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select greatest((select last_value from domain_event_entry_seq),"
                     + " (select coalesce(max(global_index), 0) from domain_event_entry)) + 1")) {
            row.next();
            first = row.getLong(1);
        }
        CopyingState state = new CopyingState(window.freshUuids());
        long payloadBytes = 0;
        long index = first;
        long remaining = count;
        while (remaining > 0) {
            int rows = (int) Math.min(ROWS_PER_COPY, remaining);
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                    payload_type, payload_revision, payload, meta_data) from stdin (format binary)""");
            try {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
                DataOutputStream out = new DataOutputStream(buffer);
                out.writeBytes("PGCOPY\n");
                out.write(new byte[] {(byte) 0xff, '\r', '\n', 0});
                out.writeInt(0); // flags
                out.writeInt(0); // header extension
                byte[] time = AXON_TIME.format(Instant.now()).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < rows; i++) {
                    Template template = state.next(templates);
                    byte[] eventId = randomUuid();
                    out.writeShort(10);
                    bigint(out, index++);
                    field(out, eventId);
                    if (template.type() == null) {
                        field(out, eventId); // an event from no aggregate: Axon stores its own identifier there, sequence 0
                    } else {
                        shapeField(out, buffer, template.aggregateIdentifier(), state.uuids());
                    }
                    bigint(out, template.sequenceNumber());
                    text(out, template.type());
                    field(out, time);
                    text(out, template.payloadType());
                    text(out, template.payloadRevision());
                    payloadBytes += shapeField(out, buffer, template.payload(), state.uuids());
                    if (template.metaData() == null) {
                        out.writeInt(-1);
                    } else {
                        shapeField(out, buffer, template.metaData(), state.uuids());
                    }
                    if (buffer.size() >= 1 << 20) {
                        out.flush();
                        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                        buffer.reset();
                    }
                }
                out.writeShort(-1);
                out.flush();
                copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            remaining -= rows;
        }
        long last = index - 1;
        try (PreparedStatement sequence = connection.prepareStatement("select setval('domain_event_entry_seq', ?)")) {
            // The store's default (nextval) hands out the position after `last` next.
            sequence.setLong(1, last);
            sequence.executeQuery().close();
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("analyze domain_event_entry");
        }
        return new Generated(count, first, last, Duration.ofNanos(System.nanoTime() - started), payloadBytes);
    }

    /** Where a run of copies is: which template is next, and the current copy's fresh UUIDs. */
    private static final class CopyingState {
        private final byte[][] uuids;
        private int next;

        CopyingState(int freshUuids) {
            this.uuids = new byte[freshUuids][];
        }

        Template next(List<Template> templates) {
            if (next == 0) {
                for (int i = 0; i < uuids.length; i++) {
                    uuids[i] = randomUuid();
                }
            }
            Template template = templates.get(next);
            next = (next + 1) % templates.size();
            return template;
        }

        byte[][] uuids() {
            return uuids;
        }
    }

    /**
     * Moves every tracking processor not in {@code catchUp} to {@code head} (its gaps kept: what it had not seen below
     * its old position it still fetches), and releases every claim, as a clean shutdown does, so that the started server
     * claims the segments at once. Answers the processors moved.
     */
    List<String> moveProcessorsToHead(Connection connection, long head, Set<String> catchUp) throws SQLException, IOException {
        List<String> moved = new ArrayList<>();
        Map<String, byte[]> updates = new HashMap<>();
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select processor_name, segment, token_type, token from token_entry")) {
            while (rows.next()) {
                String processor = rows.getString(1);
                if (catchUp.contains(processor) || rows.getBytes(4) == null) {
                    continue;
                }
                if (!GAP_AWARE_TOKEN.equals(rows.getString(3))) {
                    throw new IllegalStateException("Processor " + processor + " has a " + rows.getString(3)
                            + " token; only " + GAP_AWARE_TOKEN + " can be moved to the head here");
                }
                ObjectNode token = (ObjectNode) Api.JSON.readTree(rows.getBytes(4));
                token.put("index", head);
                updates.put(processor + "\u0000" + rows.getInt(2), Api.JSON.writeValueAsBytes(token));
                if (!moved.contains(processor)) {
                    moved.add(processor);
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("update token_entry set token = ? where processor_name = ? and segment = ?")) {
            for (Map.Entry<String, byte[]> entry : updates.entrySet()) {
                String[] key = entry.getKey().split("\u0000");
                update.setBytes(1, entry.getValue());
                update.setString(2, key[0]);
                update.setInt(3, Integer.parseInt(key[1]));
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement sql = connection.createStatement()) {
            sql.executeUpdate("update token_entry set owner = null");
        }
        return moved;
    }

    // ---- shapes and COPY fields

    private static Shape shape(String text, Set<String> kept, Map<String, Integer> slots) {
        if (text == null) {
            return new Shape(new byte[][] {new byte[0]}, new int[0]);
        }
        List<byte[]> literals = new ArrayList<>();
        List<Integer> slotList = new ArrayList<>();
        Matcher matcher = UUID.matcher(text);
        int from = 0;
        while (matcher.find()) {
            String uuid = matcher.group();
            if (kept.contains(uuid)) {
                continue;
            }
            literals.add(text.substring(from, matcher.start()).getBytes(StandardCharsets.ISO_8859_1));
            slotList.add(slots.computeIfAbsent(uuid, key -> slots.size()));
            from = matcher.end();
        }
        literals.add(text.substring(from).getBytes(StandardCharsets.ISO_8859_1));
        return new Shape(literals.toArray(byte[][]::new), slotList.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void collectUuids(String text, Set<String> into) {
        if (text != null) {
            Matcher matcher = UUID.matcher(text);
            while (matcher.find()) {
                into.add(matcher.group());
            }
        }
    }

    /** Bytes as characters one to one, so that positions found in the text are positions in the bytes. */
    private static String latin1(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static byte[] randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xf000L) | 0x4000L; // version 4
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L; // IETF variant
        return new java.util.UUID(most, least).toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void bigint(DataOutputStream out, long value) throws IOException {
        out.writeInt(8);
        out.writeLong(value);
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            field(out, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Writes a shaped field (its length first) and answers its length. */
    private static int shapeField(DataOutputStream out, ByteArrayOutputStream buffer, Shape shape, byte[][] uuids) throws IOException {
        int length = shape.length(36);
        out.writeInt(length);
        out.flush();
        shape.write(buffer, uuids);
        return length;
    }
}
