package app.soiree.query.media;

import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.FindGathering;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringView;
import app.soiree.api.identity.UserId;
import app.soiree.api.media.MediaId;
import app.soiree.api.media.MediaStatus;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who may see a medium: its uploader (whatever its state, until it is deleted), support, and once it is ready whoever
 * may see what it is attached to: a message's conversation members, everyone for an avatar, whoever may see the gathering
 * for a cover (everyone once published). Everyone else is told it does not exist.
 */
@Component
class MediaAccess {

    private final MediaRows rows;
    private final ConversationAudience conversations;
    private final QueryGateway queries;

    MediaAccess(MediaRows rows, ConversationAudience conversations, QueryGateway queries) {
        this.rows = rows;
        this.conversations = conversations;
        this.queries = queries;
    }

    MediaRows.Row require(MediaId mediaId, @Nullable UserId viewer, boolean support) {
        MediaRows.Row row = rows.find(mediaId).filter(found -> found.view().status() != MediaStatus.DELETED)
                .orElseThrow(() -> notFound(mediaId));
        boolean uploader = viewer != null && viewer.value().equals(row.uploaderId());
        if (uploader || support || (row.view().status() == MediaStatus.READY && attachedToVisible(row, viewer))) {
            return row;
        }
        throw notFound(mediaId);
    }

    private boolean attachedToVisible(MediaRows.Row row, @Nullable UserId viewer) {
        if (row.attachmentKind() == null || row.attachmentTarget() == null) {
            return false;
        }
        return switch (row.attachmentKind()) {
            case AVATAR -> true;
            case MESSAGE -> viewer != null && row.attachmentScope() != null && conversations.canSee(row.attachmentScope(), viewer.value());
            case GATHERING_COVER -> queries.query(new FindGathering(new GatheringId(row.attachmentTarget()), viewer),
                    ResponseTypes.instanceOf(GatheringView.class)).join() != null;
        };
    }

    static SoireeException notFound(MediaId mediaId) {
        return SoireeException.notFound("Media " + mediaId);
    }
}
