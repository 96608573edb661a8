package app.soiree.console.operations;

import app.soiree.api.notification.FindSkippedNotificationEvents;
import app.soiree.api.notification.SkippedNotificationEvents;
import app.soiree.api.notification.SkippedNotificationEvents.Skipped;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.queryhandling.QueryHandler;

/** Skipped notification events as the command side keeps them, with contents a test sets; newest first, cut at the limit. */
public class TestSkippedNotifications {

    private final List<Skipped> skipped = new CopyOnWriteArrayList<>();
    public final List<FindSkippedNotificationEvents> asked = new CopyOnWriteArrayList<>();

    public void reset() {
        skipped.clear();
        asked.clear();
    }

    public void skip(Skipped event) {
        skipped.add(event);
    }

    @QueryHandler
    SkippedNotificationEvents handle(FindSkippedNotificationEvents query) {
        asked.add(query);
        List<Skipped> newest = skipped.stream().sorted(Comparator.comparing(Skipped::skippedAt).reversed())
                .limit(Math.clamp(query.limit(), 1, FindSkippedNotificationEvents.MAX_LIMIT)).toList();
        return new SkippedNotificationEvents(newest, skipped.size());
    }
}
