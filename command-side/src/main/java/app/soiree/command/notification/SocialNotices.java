package app.soiree.command.notification;

import app.soiree.api.gathering.AnnouncementPosted;
import app.soiree.api.gathering.GatheringPublished;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.NotificationContent;
import app.soiree.api.notification.NotificationKind;
import app.soiree.api.social.FollowEnded;
import app.soiree.api.social.FollowPreferenceChanged;
import app.soiree.api.social.FollowRequested;
import app.soiree.api.social.UserFollowed;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The social graph's news: a new follower or follow request for the one followed, a followed host's new gathering
 * for the followers who asked to hear of it, and a host's announcement for those followers and the gathering's
 * booked guests. Keeps the planner's copy of who follows whom; each notice names its cause as the actor, so a block
 * between the two silences it ({@link Blocking}).
 */
@Component
@ProcessingGroup(NotificationPlanner.PROCESSING_GROUP)
class SocialNotices {

    private final JdbcTemplate jdbc;
    private final Gatherings gatherings;
    private final Recipients recipients;
    private final NotificationPlanner planner;

    SocialNotices(JdbcTemplate jdbc, Gatherings gatherings, Recipients recipients, NotificationPlanner planner) {
        this.jdbc = jdbc;
        this.gatherings = gatherings;
        this.recipients = recipients;
        this.planner = planner;
    }

    @EventHandler
    void on(UserFollowed event) {
        jdbc.update("""
                insert into notification_followers (followee_id, follower_id, notify_on_publish) values (?, ?, ?)
                on conflict (followee_id, follower_id) do update set notify_on_publish = excluded.notify_on_publish
                """, event.followeeId().value(), event.followerId().value(), event.notifyOnPublish());
        if (!event.approvedRequest()) { // who approved a request knows already
            tell(event.followeeId(), event.followerId(), NotificationKind.NEW_FOLLOWER,
                    "followed:" + event.followerId() + ":" + event.followeeId() + ":" + event.at(), event.at());
        }
    }

    @EventHandler
    void on(FollowRequested event) {
        tell(event.followeeId(), event.followerId(), NotificationKind.FOLLOW_REQUESTED,
                "follow-requested:" + event.followerId() + ":" + event.followeeId() + ":" + event.at(), event.at());
    }

    @EventHandler
    void on(FollowPreferenceChanged event) {
        jdbc.update("update notification_followers set notify_on_publish = ? where followee_id = ? and follower_id = ?",
                event.notifyOnPublish(), event.followeeId().value(), event.followerId().value());
    }

    @EventHandler
    void on(FollowEnded event) {
        jdbc.update("delete from notification_followers where followee_id = ? and follower_id = ?",
                event.followeeId().value(), event.followerId().value());
    }

    @EventHandler
    void on(GatheringPublished event) {
        gatherings.find(event.gatheringId()).ifPresent(gathering -> {
            Map<String, String> data = withActor(gathering.data(), event.hostId());
            for (UserId follower : notifiedFollowers(event.hostId())) {
                planner.plan(NotificationDraft.now("host-published:" + event.gatheringId(), follower, NotificationKind.HOST_PUBLISHED, data,
                        gathering.link(), event.publishedAt()).by(event.hostId()));
            }
        });
    }

    @EventHandler
    void on(AnnouncementPosted event) {
        gatherings.find(event.gatheringId()).ifPresent(gathering -> {
            Map<String, String> data = withActor(gathering.data(), event.hostId());
            data.put("text", event.text());
            data.put("announcementId", event.announcementId().toString());
            Set<UserId> told = new LinkedHashSet<>(gatherings.confirmedGuests(event.gatheringId()));
            told.addAll(notifiedFollowers(event.hostId()));
            told.remove(event.hostId());
            for (UserId recipient : told) {
                planner.plan(NotificationDraft.now("announcement:" + event.announcementId(), recipient, NotificationKind.ANNOUNCEMENT, data,
                        gathering.link(), event.at()).by(event.hostId()));
            }
        });
    }

    private void tell(UserId recipient, UserId actor, NotificationKind kind, String trigger, Instant at) {
        planner.plan(NotificationDraft.now(trigger, recipient, kind, withActor(new HashMap<>(), actor), "/users/" + actor, at)
                .by(actor));
    }

    private Map<String, String> withActor(Map<String, String> data, UserId actor) {
        data.put(NotificationContent.ACTOR_ID, actor.toString());
        data.put(NotificationContent.ACTOR_NAME, recipients.find(actor).map(Recipient::displayName).orElse("Someone"));
        return data;
    }

    private List<UserId> notifiedFollowers(UserId followeeId) {
        return jdbc.queryForList("select follower_id from notification_followers where followee_id = ? and notify_on_publish order by follower_id",
                UUID.class, followeeId.value()).stream().map(UserId::new).toList();
    }
}
