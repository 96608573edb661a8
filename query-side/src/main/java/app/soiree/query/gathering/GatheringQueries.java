package app.soiree.query.gathering;

import app.soiree.api.gathering.FindGathering;
import app.soiree.api.gathering.FindGatherings;
import app.soiree.api.gathering.GatheringPage;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.gathering.GatheringView;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.KeysetPage;
import app.soiree.query.paging.PageLimit;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

@Component
class GatheringQueries {

    private final GatheringRows rows;

    GatheringQueries(GatheringRows rows) {
        this.rows = rows;
    }

    /** A draft is its host's work in progress: to anyone else it does not exist yet. */
    @QueryHandler
    @Nullable GatheringView handle(FindGathering query) {
        return rows.find(query.gatheringId())
                .filter(row -> row.status() != GatheringStatus.DRAFT
                        || query.viewer() != null && row.hostId().equals(query.viewer().value()))
                .map(row -> rows.toViews(List.of(row)).getFirst())
                .orElse(null);
    }

    @QueryHandler
    GatheringPage handle(FindGatherings query) {
        int limit = PageLimit.clamped(query.limit());
        List<GatheringRow> found = rows.search(query, Cursor.decode(query.cursor()), KeysetPage.rowsToFetch(limit));
        KeysetPage<GatheringRow> page = KeysetPage.of(found, limit, row -> new Cursor(row.startsAt(), row.id()));
        return new GatheringPage(rows.toViews(page.items()), page.nextCursor());
    }
}
