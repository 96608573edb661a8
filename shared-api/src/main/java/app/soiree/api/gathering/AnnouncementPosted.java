package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import java.time.Instant;
import java.util.UUID;

/** Reaches the host's followers who asked to hear of the host's gatherings, and the gathering's booked guests. */
public record AnnouncementPosted(GatheringId gatheringId, UUID announcementId, UserId hostId, String text, Instant at) {
}
