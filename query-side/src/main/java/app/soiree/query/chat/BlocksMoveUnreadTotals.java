package app.soiree.query.chat;

import app.soiree.api.social.UserBlocked;
import app.soiree.api.social.UserUnblocked;
import app.soiree.query.social.Blocks;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.stereotype.Component;

/**
 * A block or an unblock changes what the blocker's unread counts include (none from whom they blocked), so their
 * {@code unread.total} is pushed again. In the processing group that writes the block, so the total is read after the
 * block has committed.
 */
@Component
@ProcessingGroup(Blocks.PROCESSING_GROUP)
class BlocksMoveUnreadTotals {

    private final UnreadTotalPushes unreadTotals;

    BlocksMoveUnreadTotals(UnreadTotalPushes unreadTotals) {
        this.unreadTotals = unreadTotals;
    }

    @EventHandler
    void on(UserBlocked event, ReplayStatus replay) {
        if (!replay.isReplay()) {
            unreadTotals.changed(List.of(event.blockerId().value()));
        }
    }

    @EventHandler
    void on(UserUnblocked event, ReplayStatus replay) {
        if (!replay.isReplay()) {
            unreadTotals.changed(List.of(event.blockerId().value()));
        }
    }
}
