package app.soiree.query.social;

import app.soiree.api.identity.Actor;
import app.soiree.api.social.PrivacySettings;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.KeysetPage;
import app.soiree.query.paging.PageLimit;
import app.soiree.query.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The social graph and the feed as people read them, served by the query role from its own read model (no query bus
 * hop: only ever asked for here). Following, blocking, bans and privacy changes are commands, served by the command role.
 */
@RestController
@Tag(name = "Social")
class SocialController {

    private final SocialReads reads;
    private final Feed feed;

    SocialController(SocialReads reads, Feed feed) {
        this.reads = reads;
        this.feed = feed;
    }

    @GetMapping("/api/users/{userId}")
    @Operation(summary = "A user's public profile, with their follower counts and, signed in, how the caller stands with them",
            description = "Public. 404 for an unknown user, a staff account, and a user who blocked the caller. A count is null "
                    + "for whoever may not see its list (the user's privacy settings; the user always sees their own). "
                    + "relationship is absent when anonymous and on one's own profile; its banned is present only for a host.")
    UserProfileView user(@PathVariable UUID userId, @Parameter(hidden = true) Optional<Actor> viewer) {
        return reads.profile(userId, userIdOf(viewer), viewer.map(Actor::roles).orElse(Set.of()));
    }

    @GetMapping("/api/users/{userId}/followers")
    @Operation(summary = "Who follows a user, newest follow first",
            description = "Public, as the user's privacy allows: 403 FORBIDDEN when they hide it (never to themselves); 404 as for "
                    + "the profile. Never lists a user the caller blocked or who blocked the caller.")
    PageResponse<ListedUser.Follow> followers(@PathVariable UUID userId, @Parameter(hidden = true) Optional<Actor> viewer,
                                              @RequestParam(required = false) @Nullable String cursor,
                                              @Parameter(description = "1 to 100, default 20") @RequestParam(required = false)
                                              @Nullable Integer limit) {
        return response(reads.followers(userId, userIdOf(viewer), Cursor.decode(cursor), PageLimit.validated(limit)));
    }

    @GetMapping("/api/users/{userId}/following")
    @Operation(summary = "Whom a user follows, newest follow first", description = "As /followers, under the user's followingVisible.")
    PageResponse<ListedUser.Follow> following(@PathVariable UUID userId, @Parameter(hidden = true) Optional<Actor> viewer,
                                              @RequestParam(required = false) @Nullable String cursor,
                                              @Parameter(description = "1 to 100, default 20") @RequestParam(required = false)
                                              @Nullable Integer limit) {
        return response(reads.following(userId, userIdOf(viewer), Cursor.decode(cursor), PageLimit.validated(limit)));
    }

    @GetMapping("/api/me/follow-requests")
    @Operation(summary = "Follow requests waiting for the signed-in user's approval, newest first")
    PageResponse<ListedUser.Request> followRequests(Actor actor, @RequestParam(required = false) @Nullable String cursor,
                                                    @Parameter(description = "1 to 100, default 20") @RequestParam(required = false)
                                                    @Nullable Integer limit) {
        return response(reads.followRequests(actor.userId().value(), Cursor.decode(cursor), PageLimit.validated(limit)));
    }

    @GetMapping("/api/me/blocks")
    @Operation(summary = "The users the signed-in user blocked, newest first")
    PageResponse<ListedUser.Block> blocks(Actor actor, @RequestParam(required = false) @Nullable String cursor,
                                          @Parameter(description = "1 to 100, default 20") @RequestParam(required = false)
                                          @Nullable Integer limit) {
        return response(reads.blocks(actor.userId().value(), Cursor.decode(cursor), PageLimit.validated(limit)));
    }

    @GetMapping("/api/me/banned-guests")
    @Operation(summary = "The guests the signed-in host banned from their gatherings, newest first")
    PageResponse<ListedUser.BannedGuest> bannedGuests(Actor actor, @RequestParam(required = false) @Nullable String cursor,
                                                      @Parameter(description = "1 to 100, default 20") @RequestParam(required = false)
                                                      @Nullable Integer limit) {
        return response(reads.bannedGuests(actor.userId().value(), Cursor.decode(cursor), PageLimit.validated(limit)));
    }

    @GetMapping("/api/me/privacy")
    @Operation(summary = "The signed-in user's privacy settings", description = "The defaults until they change them: anyone may follow, "
            + "both lists shown.")
    PrivacySettings privacy(Actor actor) {
        return reads.privacy(actor.userId().value());
    }

    @GetMapping("/api/me/feed")
    @Operation(summary = "Upcoming published gatherings of the hosts the signed-in user follows, and featured and promoted ones",
            description = "Newest published first, each gathering once: reason FOLLOWING when the caller follows its host, else "
                    + "FEATURED, else PROMOTED; promoted is true whenever it is promoted now. Never the caller's own gatherings, "
                    + "never one of a host who blocked the caller or whom the caller blocked. The cursor stays valid while new "
                    + "gatherings are published (they come before it). A page may hold fewer items than the limit while the "
                    + "gatherings read model catches up; nextCursor alone says whether more follow.")
    PageResponse<FeedItem> feed(Actor actor, @RequestParam(required = false) @Nullable String cursor,
                                @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Nullable Integer limit) {
        return response(feed.of(actor.userId().value(), Cursor.decode(cursor), PageLimit.validated(limit)));
    }

    private static <T> PageResponse<T> response(KeysetPage<T> page) {
        return new PageResponse<>(page.items(), page.nextCursor());
    }

    private static @Nullable UUID userIdOf(Optional<Actor> viewer) {
        return viewer.map(actor -> actor.userId().value()).orElse(null);
    }
}
