package app.soiree.query.gathering;

import static app.soiree.query.GatheringScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.gathering.FindGatherings;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringPage;
import app.soiree.api.gathering.GatheringView;
import app.soiree.api.identity.UserId;
import app.soiree.query.GatheringScenario;
import app.soiree.query.ProjectionTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class GatheringDiscoveryTest extends ProjectionTest {

    static final Instant DAY_1 = NOW.plus(Duration.ofDays(1));
    static final Instant DAY_2 = NOW.plus(Duration.ofDays(2));
    static final Instant DAY_3 = NOW.plus(Duration.ofDays(3));

    @Autowired
    QueryGateway queries;

    final UserId host = UserId.random();

    @Test
    void onlyPublishedGatheringsAreListed() {
        GatheringScenario draft = GatheringScenario.hostedBy(host);
        GatheringScenario published = GatheringScenario.hostedBy(host);
        GatheringScenario cancelled = GatheringScenario.hostedBy(host);
        GatheringScenario ended = GatheringScenario.hostedBy(host);
        events.publish(draft.created(),
                published.created(), published.published(),
                cancelled.created(), cancelled.published(), cancelled.cancelled(),
                ended.created(), ended.published(), ended.ended());

        assertThat(ids(search(everything()))).containsExactly(published.id());
    }

    @Test
    void textSearchFindsWordsInTheTitleOrTheDescription() {
        GatheringScenario tasting = publish(GatheringScenario.hostedBy(host).titled("Wine tasting", "Natural wines from Jura"));
        GatheringScenario run = publish(GatheringScenario.hostedBy(host).titled("Sunday run", "Ten kilometres, then wine and cheese"));
        publish(GatheringScenario.hostedBy(host).titled("Board games", "Catan and coffee"));

        assertThat(ids(search(text("wine")))).containsExactlyInAnyOrder(tasting.id(), run.id());
        assertThat(ids(search(text("JURA")))).containsExactly(tasting.id());
        assertThat(ids(search(text("wine -cheese")))).containsExactly(tasting.id());
        assertThat(ids(search(text("opera")))).isEmpty();
    }

    @Test
    void theTagFilterKeepsGatheringsCarryingThatTag() {
        GatheringScenario dinner = publish(GatheringScenario.hostedBy(host).tagged("food", "social"));
        publish(GatheringScenario.hostedBy(host).tagged("sport"));

        assertThat(ids(search(new FindGatherings(null, "social", null, null, null, null, 20)))).containsExactly(dinner.id());
    }

    @Test
    void theDateRangeIncludesItsStartAndExcludesItsEnd() {
        GatheringScenario first = publish(GatheringScenario.hostedBy(host).startingAt(DAY_1));
        GatheringScenario second = publish(GatheringScenario.hostedBy(host).startingAt(DAY_2));
        GatheringScenario third = publish(GatheringScenario.hostedBy(host).startingAt(DAY_3));

        assertThat(ids(search(new FindGatherings(null, null, DAY_1, DAY_3, null, null, 20)))).containsExactly(first.id(), second.id());
        assertThat(ids(search(new FindGatherings(null, null, DAY_2, null, null, null, 20)))).containsExactly(second.id(), third.id());
        assertThat(ids(search(new FindGatherings(null, null, null, DAY_2, null, null, 20)))).containsExactly(first.id());
    }

    @Test
    void theHostFilterKeepsThatHostsGatherings() {
        GatheringScenario mine = publish(GatheringScenario.hostedBy(host));
        publish(GatheringScenario.hostedBy(UserId.random()));

        assertThat(ids(search(new FindGatherings(null, null, null, null, host, null, 20)))).containsExactly(mine.id());
    }

    @Test
    void filtersCombine() {
        GatheringScenario match = publish(GatheringScenario.hostedBy(host).titled("Jazz night", "Live trio").tagged("music").startingAt(DAY_2));
        publish(GatheringScenario.hostedBy(host).titled("Jazz night", "Live trio").tagged("music").startingAt(DAY_3));
        publish(GatheringScenario.hostedBy(host).titled("Jazz night", "Live trio").tagged("food").startingAt(DAY_2));
        publish(GatheringScenario.hostedBy(UserId.random()).titled("Jazz night", "Live trio").tagged("music").startingAt(DAY_2));
        publish(GatheringScenario.hostedBy(host).titled("Techno night", "DJ set").tagged("music").startingAt(DAY_2));

        FindGatherings query = new FindGatherings("jazz", "music", DAY_1, DAY_3, host, null, 20);

        assertThat(ids(search(query))).containsExactly(match.id());
    }

    @Test
    void gatheringsComeSoonestFirstWithTheirTiersAndRating() {
        GatheringScenario later = publish(GatheringScenario.hostedBy(host).startingAt(DAY_2));
        GatheringScenario sooner = publish(GatheringScenario.hostedBy(host).startingAt(DAY_1));

        List<GatheringView> found = search(everything()).items();

        assertThat(ids(found)).containsExactly(sooner.id(), later.id());
        assertThat(found.getFirst().tiers()).singleElement()
                .satisfies(tier -> assertThat(tier.tierId()).isEqualTo(sooner.tier().tierId()));
        assertThat(found.getFirst().rating()).isNull();
    }

    @Test
    void pagesFollowOneAnotherWithoutDuplicatesOrGapsEvenWhenStartTimesTie() {
        List<GatheringId> published = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Five gatherings share each start time, so the id alone must order them.
            published.add(publish(GatheringScenario.hostedBy(host).startingAt(DAY_1.plus(Duration.ofHours(i / 5)))).id());
        }

        List<GatheringId> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            GatheringPage page = search(new FindGatherings(null, null, null, null, null, cursor, 10));
            seen.addAll(ids(page.items()));
            pageSizes.add(page.items().size());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(10, 10, 5);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void aFullLastPageSaysThatNothingFollows() {
        publish(GatheringScenario.hostedBy(host));
        publish(GatheringScenario.hostedBy(host));

        GatheringPage page = search(new FindGatherings(null, null, null, null, null, null, 2));

        assertThat(page.items()).hasSize(2);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void anOversizedLimitIsCutToTheMaximumPage() {
        for (int i = 0; i < 101; i++) {
            publish(GatheringScenario.hostedBy(host));
        }

        GatheringPage page = search(new FindGatherings(null, null, null, null, null, null, 10_000));

        assertThat(page.items()).hasSize(100);
        assertThat(page.nextCursor()).isNotNull();
    }

    private GatheringScenario publish(GatheringScenario scenario) {
        events.publish(scenario.created(), scenario.published());
        return scenario;
    }

    private GatheringPage search(FindGatherings query) {
        return queries.query(query, ResponseTypes.instanceOf(GatheringPage.class)).join();
    }

    private static FindGatherings everything() {
        return new FindGatherings(null, null, null, null, null, null, 20);
    }

    private static FindGatherings text(@Nullable String text) {
        return new FindGatherings(text, null, null, null, null, null, 20);
    }

    private static List<GatheringId> ids(GatheringPage page) {
        return ids(page.items());
    }

    private static List<GatheringId> ids(List<GatheringView> gatherings) {
        return gatherings.stream().map(GatheringView::gatheringId).toList();
    }
}
