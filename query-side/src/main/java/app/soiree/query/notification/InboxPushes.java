package app.soiree.query.notification;

import app.soiree.api.identity.UserId;
import app.soiree.query.realtime.PushEnvelope;
import app.soiree.query.realtime.UserPush;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.function.SingletonSupplier;

/**
 * Tells a recipient's socket what moved in their inbox: {@code notification.new} with the item when a notification
 * reaches it, and {@code unread.total} {@code {scope: "NOTIFICATIONS", count}} when their unread count moved. Both go
 * out after the projection's transaction commits ({@link UserPush}), so a push never announces what a read would not
 * show. The counts are read once per transaction, after its last event, for every recipient whose count moved in it: a
 * batch of twenty notifications for one user is one count, and it is the count the read will give.
 */
@Component
class InboxPushes {

    static final String NEW = "notification.new";
    static final String UNREAD_TOTAL = "unread.total";
    static final String SCOPE = "NOTIFICATIONS";

    private static final Logger log = LoggerFactory.getLogger(InboxPushes.class);

    /** {@code unread.total}'s data for the notification inbox; chat's says {@code scope: "CHAT"}. */
    record UnreadNotifications(String scope, long count) {

        UnreadNotifications(long count) {
            this(SCOPE, count);
        }
    }

    private final NotificationRows rows;
    /** Resolved at the first push, not for each. */
    private final SingletonSupplier<UserPush> userPush;
    private final Clock clock;
    private final AtomicBoolean saidNothingIsSent = new AtomicBoolean();

    InboxPushes(NotificationRows rows, ObjectProvider<UserPush> userPush, Clock clock) {
        this.rows = rows;
        this.userPush = SingletonSupplier.of(userPush::getIfAvailable);
        this.clock = clock;
    }

    void reachedInbox(UserId recipient, InboxItem item) {
        send(recipient, new PushEnvelope(NEW, null, null, item.shownAt(), item));
    }

    /** The recipient's unread count may have moved in the current transaction: tell them the count it commits with. */
    void unreadMoved(UserId recipient) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            tell(Set.of(recipient.value()));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<UUID> moved = (Set<UUID>) TransactionSynchronizationManager.getResource(this);
        if (moved == null) {
            Set<UUID> recipients = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, recipients);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    // Still inside the transaction: the counts include every change of this batch; UserPush sends after the commit.
                    tell(recipients);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(InboxPushes.this);
                }
            });
            moved = recipients;
        }
        moved.add(recipient.value());
    }

    private void tell(Set<UUID> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        Map<UUID, Long> counts = rows.unread(recipients);
        var at = clock.instant();
        counts.forEach((recipient, count) -> send(new UserId(recipient),
                new PushEnvelope(UNREAD_TOTAL, null, null, at, new UnreadNotifications(count))));
    }

    private void send(UserId recipient, PushEnvelope envelope) {
        UserPush push = userPush.get();
        if (push == null) {
            if (saidNothingIsSent.compareAndSet(false, true)) {
                log.warn("No UserPush in this process: notifications are stored but not pushed to sockets");
            }
            return;
        }
        push.push(recipient, envelope);
    }
}
