package app.soiree.bench;

import app.soiree.bench.Api.Session;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feed pages as a client reads them, each checked on arrival: no gathering twice on a page, newest published first
 * (ties by id, as the keyset), and, paging with the cursor, no gathering on two pages and none published before the
 * paging left out. Problems are collected for the phase's correctness check, never thrown.
 */
final class FeedPages {

    private final Api api;
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicLong checked = new AtomicLong();

    FeedPages(Api api) {
        this.api = api;
    }

    long checked() {
        return checked.get();
    }

    ConcurrentLinkedQueue<String> problems() {
        return problems;
    }

    /**
     * The ids of a page, newest first, after checking it: no gathering twice, publish time descending (ties by id
     * descending, as the keyset), and below {@code after} (the last item of the page before) when given.
     */
    List<String> checked(JsonNode page, String who, String[] after) {
        checked.incrementAndGet();
        List<String> ids = new ArrayList<>();
        String[] previous = after;
        for (JsonNode item : page.path("items")) {
            String id = item.path("gathering").path("gatheringId").asText();
            String at = item.path("at").asText();
            if (ids.contains(id)) {
                problems.add("%s: %s twice on one page".formatted(who, id));
            }
            if (previous != null && !before(at, id, previous)) {
                problems.add("%s: %s (%s) after %s (%s), out of order".formatted(who, id, at, previous[1], previous[0]));
            }
            ids.add(id);
            previous = new String[] {at, id};
        }
        if (after != null && previous != null) {
            after[0] = previous[0];
            after[1] = previous[1];
        }
        return ids;
    }

    /** Whether (at, id) comes strictly after {@code previous} in the feed's order: published earlier, or as early with a lower id. */
    private static boolean before(String at, String id, String[] previous) {
        int byTime = Instant.parse(at).compareTo(Instant.parse(previous[0]));
        return byTime < 0 || byTime == 0 && id.compareTo(previous[1]) < 0; // lower-case hex: as PostgreSQL orders uuids
    }

    /** Pages through a reader's whole feed; the pages checked one after the other, and every id once across them. */
    Set<String> all(Session user, int limit, Set<String> mustHold) {
        Set<String> seen = new HashSet<>();
        String[] last = {null, null};
        String cursor = null;
        do {
            JsonNode page = api.get("/api/me/feed?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor), user.accessToken()).expect(200).json();
            for (String id : checked(page, "pages of " + user.userId(), last[0] == null ? null : last)) {
                if (!seen.add(id)) {
                    problems.add("pages of %s: %s on two pages".formatted(user.userId(), id));
                }
            }
            if (last[0] == null && page.path("items").size() > 0) {
                JsonNode lastItem = page.path("items").get(page.path("items").size() - 1);
                last[0] = lastItem.path("at").asText();
                last[1] = lastItem.path("gathering").path("gatheringId").asText();
            }
            cursor = page.path("nextCursor").isTextual() ? URLEncoder.encode(page.path("nextCursor").asText(), StandardCharsets.UTF_8) : null;
        } while (cursor != null);
        if (mustHold != null && !seen.containsAll(mustHold)) {
            Set<String> missing = new HashSet<>(mustHold);
            missing.removeAll(seen);
            problems.add("pages of %s: %d gatherings published before the paging missing, e.g. %s".formatted(user.userId(), missing.size(), missing.iterator().next()));
        }
        return seen;
    }
}
