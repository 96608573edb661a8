package app.soiree.server.messaging;

import java.time.Instant;
import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;

/**
 * The deadline manager of a process without the {@code command} role. Such a process hosts no aggregate or
 * saga, so nothing in it has a reason to schedule a deadline; if something tries, it fails loudly instead of
 * keeping the deadline in memory (lost at the next restart) or in db-scheduler's table for a process that
 * cannot handle it.
 */
final class RefusingDeadlineManager implements DeadlineManager {

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload, ScopeDescriptor deadlineScope) {
        throw refused("schedule deadline " + deadlineName);
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        throw refused("cancel deadline " + deadlineName);
    }

    @Override
    public void cancelAll(String deadlineName) {
        throw refused("cancel deadlines " + deadlineName);
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        throw refused("cancel deadlines " + deadlineName);
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super DeadlineMessage<?>> interceptor) {
        return () -> true;
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super DeadlineMessage<?>> interceptor) {
        return () -> true;
    }

    private static IllegalStateException refused(String what) {
        return new IllegalStateException("This process (without the command role) runs no deadlines; cannot " + what);
    }
}
