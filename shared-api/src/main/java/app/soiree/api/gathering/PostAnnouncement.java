package app.soiree.api.gathering;

import app.soiree.api.identity.UserId;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The host tells the gathering's followers and guests something; a gathering allows a few ({@code limit}). */
public record PostAnnouncement(@TargetAggregateIdentifier GatheringId gatheringId, UUID announcementId, UserId requestedBy, String text,
                               int limit) {
}
