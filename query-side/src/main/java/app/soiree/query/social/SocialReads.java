package app.soiree.query.social;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.social.PrivacySettings;
import app.soiree.query.paging.Cursor;
import app.soiree.query.paging.KeysetPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profiles, the social lists and privacy settings as a caller may see them. Who may see what:
 * <ul>
 * <li>an unknown user, a staff account (no guest role) and a user who blocked the caller are not found (404), their
 * lists too;</li>
 * <li>a list its owner's privacy hides is refused ({@code FORBIDDEN}, 403) to everyone but the owner, and its count is
 * left out of the profile;</li>
 * <li>no list shows a user the caller blocked or who blocked the caller.</li>
 * </ul>
 */
@Component
class SocialReads {

    private final NamedParameterJdbcTemplate jdbc;

    SocialReads(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    UserProfileView profile(UUID userId, @Nullable UUID viewer, Set<Role> viewerRoles) {
        Owner owner = visibleOwner(userId, viewer);
        boolean own = userId.equals(viewer);
        UserProfileView.Relationship relationship = viewer == null || own ? null
                : new UserProfileView.Relationship(owner.viewerFollows(), owner.followsViewer(), owner.blockedByViewer(),
                        owner.viewerRequested(), viewerRoles.contains(Role.HOST) ? owner.bannedByViewer() : null);
        return new UserProfileView(new UserId(userId), owner.displayName(), owner.bio(), owner.avatarMediaId(),
                owner.roles().contains(Role.HOST), own || owner.privacy().followersVisible() ? owner.followers() : null,
                own || owner.privacy().followingVisible() ? owner.following() : null, relationship);
    }

    /** Those who follow {@code ownerId}, newest follow first. */
    @Transactional(readOnly = true)
    KeysetPage<ListedUser.Follow> followers(UUID ownerId, @Nullable UUID viewer, @Nullable Cursor after, int limit) {
        Owner owner = visibleOwner(ownerId, viewer);
        requireVisible(ownerId, viewer, owner.privacy().followersVisible(), "followers");
        return follows("followee_id", "follower_id", ownerId, viewer, after, limit);
    }

    /** Those {@code ownerId} follows, newest follow first. */
    @Transactional(readOnly = true)
    KeysetPage<ListedUser.Follow> following(UUID ownerId, @Nullable UUID viewer, @Nullable Cursor after, int limit) {
        Owner owner = visibleOwner(ownerId, viewer);
        requireVisible(ownerId, viewer, owner.privacy().followingVisible(), "following");
        return follows("follower_id", "followee_id", ownerId, viewer, after, limit);
    }

    /** Requests waiting for {@code me}'s approval, newest first. */
    KeysetPage<ListedUser.Request> followRequests(UUID me, @Nullable Cursor after, int limit) {
        return page("""
                        select f.follower_id as user_id, p.display_name, f.since as at from follows f
                        join user_profiles p on p.user_id = f.follower_id
                        where f.followee_id = :me and f.state = 'REQUESTED'""", "f.since", "f.follower_id", me, after, limit,
                (row, number) -> new ListedUser.Request(userId(row), row.getString("display_name"), instant(row, "at")),
                request -> new Cursor(request.requestedAt(), request.userId().value()));
    }

    /** Whom {@code me} blocked, newest first. */
    KeysetPage<ListedUser.Block> blocks(UUID me, @Nullable Cursor after, int limit) {
        return page("""
                        select b.blocked_id as user_id, p.display_name, b.blocked_at as at from user_blocks b
                        join user_profiles p on p.user_id = b.blocked_id
                        where b.blocker_id = :me""", "b.blocked_at", "b.blocked_id", me, after, limit,
                (row, number) -> new ListedUser.Block(userId(row), row.getString("display_name"), instant(row, "at")),
                block -> new Cursor(block.blockedAt(), block.userId().value()));
    }

    /** The guests host {@code me} banned, newest first. */
    KeysetPage<ListedUser.BannedGuest> bannedGuests(UUID me, @Nullable Cursor after, int limit) {
        return page("""
                        select g.guest_id as user_id, p.display_name, g.reason, g.banned_at as at from guest_bans g
                        join user_profiles p on p.user_id = g.guest_id
                        where g.host_id = :me""", "g.banned_at", "g.guest_id", me, after, limit,
                (row, number) -> new ListedUser.BannedGuest(userId(row), row.getString("display_name"), row.getString("reason"),
                        instant(row, "at")),
                ban -> new Cursor(ban.bannedAt(), ban.userId().value()));
    }

    /** {@link PrivacySettings#DEFAULTS} until the user changes them. */
    PrivacySettings privacy(UUID userId) {
        return jdbc.query("select approve_followers, followers_visible, following_visible from privacy_settings where user_id = :user",
                        new MapSqlParameterSource("user", userId), (row, number) -> privacy(row)).stream().findFirst()
                .orElse(PrivacySettings.DEFAULTS);
    }

    private KeysetPage<ListedUser.Follow> follows(String ownerColumn, String listedColumn, UUID ownerId, @Nullable UUID viewer,
                                                  @Nullable Cursor after, int limit) {
        String listed = "f." + listedColumn;
        StringBuilder sql = new StringBuilder("select ").append(listed).append(" as user_id, p.display_name, f.since as at from follows f")
                .append(" join user_profiles p on p.user_id = ").append(listed)
                .append(" where f.").append(ownerColumn).append(" = :me and f.state = 'FOLLOWING'");
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        if (viewer != null) {
            sql.append(" and not exists (select 1 from user_blocks b where (b.blocker_id = :viewer and b.blocked_id = ").append(listed)
                    .append(") or (b.blocker_id = ").append(listed).append(" and b.blocked_id = :viewer))");
            parameters.addValue("viewer", viewer);
        }
        return page(sql.toString(), "f.since", listed, ownerId, after, limit, parameters,
                (row, number) -> new ListedUser.Follow(userId(row), row.getString("display_name"), instant(row, "at")),
                follow -> new Cursor(follow.followedAt(), follow.userId().value()));
    }

    private <T> KeysetPage<T> page(String select, String timeColumn, String idColumn, UUID me, @Nullable Cursor after, int limit,
                                   RowMapper<T> mapper, Function<T, Cursor> positionOf) {
        return page(select, timeColumn, idColumn, me, after, limit, new MapSqlParameterSource(), mapper, positionOf);
    }

    /** {@code select} filters by {@code :me}; pages newest first by (time, id). */
    private <T> KeysetPage<T> page(String select, String timeColumn, String idColumn, UUID me, @Nullable Cursor after, int limit,
                                   MapSqlParameterSource parameters, RowMapper<T> mapper, Function<T, Cursor> positionOf) {
        StringBuilder sql = new StringBuilder(select);
        parameters.addValue("me", me).addValue("rows", KeysetPage.rowsToFetch(limit));
        if (after != null) {
            sql.append(" and (").append(timeColumn).append(", ").append(idColumn).append(") < (:at, :id)");
            parameters.addValue("at", Timestamp.from(after.at())).addValue("id", after.id());
        }
        sql.append(" order by ").append(timeColumn).append(" desc, ").append(idColumn).append(" desc limit :rows");
        return KeysetPage.of(jdbc.query(sql.toString(), parameters, mapper), limit, positionOf);
    }

    private static void requireVisible(UUID ownerId, @Nullable UUID viewer, boolean visible, String list) {
        if (!visible && !ownerId.equals(viewer)) {
            throw new SoireeException(ErrorCode.FORBIDDEN, "User " + ownerId + " does not show their " + list);
        }
    }

    /** Not found: unknown, a staff account, or one who blocked {@code viewer}. */
    private Owner visibleOwner(UUID userId, @Nullable UUID viewer) {
        Owner owner = jdbc.query("""
                        select p.display_name, p.host_bio, p.avatar_media_id, p.roles,
                               coalesce(c.followers, 0) as followers, coalesce(c.following, 0) as following,
                               coalesce(s.approve_followers, :defaultApprove) as approve_followers,
                               coalesce(s.followers_visible, :defaultFollowers) as followers_visible,
                               coalesce(s.following_visible, :defaultFollowing) as following_visible,
                               exists (select 1 from user_blocks b where b.blocker_id = p.user_id and b.blocked_id = :viewer) as blocks_viewer,
                               exists (select 1 from user_blocks b where b.blocker_id = :viewer and b.blocked_id = p.user_id) as blocked_by_viewer,
                               (select f.state from follows f where f.follower_id = :viewer and f.followee_id = p.user_id) as viewer_follows,
                               exists (select 1 from follows f where f.follower_id = p.user_id and f.followee_id = :viewer
                                       and f.state = 'FOLLOWING') as follows_viewer,
                               exists (select 1 from guest_bans g where g.host_id = :viewer and g.guest_id = p.user_id) as banned_by_viewer
                        from user_profiles p
                        left join follow_counts c on c.user_id = p.user_id
                        left join privacy_settings s on s.user_id = p.user_id
                        where p.user_id = :user""",
                new MapSqlParameterSource("user", userId).addValue("viewer", viewer, Types.OTHER)
                        .addValue("defaultApprove", PrivacySettings.DEFAULTS.approveFollowers())
                        .addValue("defaultFollowers", PrivacySettings.DEFAULTS.followersVisible())
                        .addValue("defaultFollowing", PrivacySettings.DEFAULTS.followingVisible()),
                (row, number) -> new Owner(row.getString("display_name"), row.getString("host_bio"),
                        row.getObject("avatar_media_id", UUID.class), Role.decode(row.getString("roles")), row.getLong("followers"),
                        row.getLong("following"), privacy(row), row.getBoolean("blocks_viewer"), row.getBoolean("blocked_by_viewer"),
                        "FOLLOWING".equals(row.getString("viewer_follows")), "REQUESTED".equals(row.getString("viewer_follows")),
                        row.getBoolean("follows_viewer"), row.getBoolean("banned_by_viewer")))
                .stream().findFirst().orElse(null);
        if (owner == null || owner.roles().stream().allMatch(Role::isStaff) || owner.blocksViewer()) {
            throw SoireeException.notFound("User " + userId);
        }
        return owner;
    }

    private record Owner(String displayName, @Nullable String bio, @Nullable UUID avatarMediaId, Set<Role> roles, long followers,
                         long following, PrivacySettings privacy, boolean blocksViewer, boolean blockedByViewer, boolean viewerFollows,
                         boolean viewerRequested, boolean followsViewer, boolean bannedByViewer) {
    }

    private static PrivacySettings privacy(ResultSet row) throws SQLException {
        return new PrivacySettings(row.getBoolean("approve_followers"), row.getBoolean("followers_visible"),
                row.getBoolean("following_visible"));
    }

    private static UserId userId(ResultSet row) throws SQLException {
        return new UserId(row.getObject("user_id", UUID.class));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
