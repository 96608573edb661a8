package app.soiree.query.gathering;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.AttendeePage;
import app.soiree.api.gathering.AttendeeView;
import app.soiree.api.gathering.FindAttendees;
import app.soiree.api.gathering.FindGathering;
import app.soiree.api.gathering.FindGatherings;
import app.soiree.api.gathering.FindReviews;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringPage;
import app.soiree.api.gathering.GatheringView;
import app.soiree.api.gathering.ReviewPage;
import app.soiree.api.gathering.ReviewView;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.UserId;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.PageLimit;
import app.soiree.query.paging.PageResponse;
import app.soiree.query.web.RenderedJson;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Gatherings")
class GatheringController {

    static final int MAX_SEARCH_TEXT_LENGTH = 200;
    static final int MAX_TAG_LENGTH = 50;

    private final QueryGateway queryGateway;
    /**
     * Discovery pages as the last asker got them, for {@code soiree.gatherings.listing-memory}: the listing is public
     * and the same for everyone, the read side is behind the stream anyway, and a popular gathering going on sale
     * brings its crowd to this page at once. Each page is asked of the read model, and rendered to JSON, at most once
     * per memory span.
     */
    private final Cache<FindGatherings, RenderedJson<PageResponse<GatheringSummary>>> listings;
    private final JsonMapper json;

    GatheringController(QueryGateway queryGateway, JsonMapper json,
                        @Value("${soiree.gatherings.listing-memory:PT1S}") Duration listingMemory) {
        this.queryGateway = queryGateway;
        this.json = json;
        this.listings = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(listingMemory).build();
    }

    @GetMapping("/api/gatherings")
    @Operation(summary = "Discover published gatherings, soonest first",
            description = "Public. Filters combine; from is inclusive and to exclusive, both on the start time.")
    RenderedJson<PageResponse<GatheringSummary>> gatherings(
            @Parameter(description = "Words searched in title and description; quotes, OR and -word work as in web search engines")
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String tag,
            @Parameter(description = "ISO-8601 instant") @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = "ISO-8601 instant") @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable UUID hostId,
            @RequestParam(required = false) @Nullable String cursor,
            @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Nullable Integer limit) {
        String text = optionalText("q", q, MAX_SEARCH_TEXT_LENGTH);
        String exactTag = optionalText("tag", tag, MAX_TAG_LENGTH);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "from must be before to");
        }
        FindGatherings query = new FindGatherings(text, exactTag, from, to, hostId == null ? null : new UserId(hostId),
                Cursor.requireValid(cursor), PageLimit.validated(limit));
        return listings.get(query, asked -> {
            GatheringPage page = queryGateway.query(asked, ResponseTypes.instanceOf(GatheringPage.class)).join();
            return RenderedJson.of(json, new PageResponse<>(page.items().stream().map(GatheringSummary::of).toList(), page.nextCursor()));
        });
    }

    @GetMapping("/api/gatherings/{gatheringId}")
    @Operation(summary = "One gathering with its tiers, venue, refund policy and ratings",
            description = "Public; a draft is found only by its host.")
    GatheringView gathering(@PathVariable UUID gatheringId, @Nullable Authentication authentication) {
        GatheringView gathering = queryGateway.query(new FindGathering(new GatheringId(gatheringId), viewer(authentication)),
                ResponseTypes.instanceOf(GatheringView.class)).join();
        if (gathering == null) {
            throw SoireeException.notFound("Gathering " + gatheringId);
        }
        return gathering;
    }

    @GetMapping("/api/gatherings/{gatheringId}/attendees")
    @Operation(summary = "The bookings of a gathering, oldest first", description = "Its host only; anyone else gets 404.")
    PageResponse<AttendeeView> attendees(@PathVariable UUID gatheringId, Actor actor,
                                         @RequestParam(required = false) @Nullable String cursor,
                                         @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Nullable Integer limit) {
        FindAttendees query = new FindAttendees(new GatheringId(gatheringId), actor.userId(), Cursor.requireValid(cursor), PageLimit.validated(limit));
        AttendeePage page = queryGateway.query(query, ResponseTypes.instanceOf(AttendeePage.class)).join();
        if (page == null) {
            throw SoireeException.notFound("Gathering " + gatheringId);
        }
        return new PageResponse<>(page.items(), page.nextCursor());
    }

    @GetMapping("/api/gatherings/{gatheringId}/reviews")
    @Operation(summary = "The reviews of a gathering, newest first", description = "Public.")
    PageResponse<ReviewView> reviews(@PathVariable UUID gatheringId,
                                     @RequestParam(required = false) @Nullable String cursor,
                                     @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Nullable Integer limit) {
        FindReviews query = new FindReviews(new GatheringId(gatheringId), Cursor.requireValid(cursor), PageLimit.validated(limit));
        ReviewPage page = queryGateway.query(query, ResponseTypes.instanceOf(ReviewPage.class)).join();
        return new PageResponse<>(page.items(), page.nextCursor());
    }

    /** Only signed-in users can be a draft's host; anonymous and foreign principals are nobody in particular. */
    private static @Nullable UserId viewer(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        try {
            return UserId.of(authentication.getName());
        } catch (IllegalArgumentException notAUserId) {
            return null;
        }
    }

    private static @Nullable String optionalText(String parameter, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, parameter + " must be at most " + maxLength + " characters");
        }
        return value.strip();
    }
}
