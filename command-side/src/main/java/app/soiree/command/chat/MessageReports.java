package app.soiree.command.chat;

import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.MessageId;
import app.soiree.api.chat.ReportMessage;
import app.soiree.api.chat.ReportReason;
import app.soiree.api.identity.UserId;
import app.soiree.command.limits.ReportQuota;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Files a member's report of a message, for both ways in ({@code POST /api/messages/{id}/reports} and
 * {@code POST /api/reports}). A member reports a message once (the conversation keeps who did), so the report's id is
 * derived from the message and the reporter: asking again answers the same id, and takes no second place in the
 * reporter's {@link ReportQuota}.
 */
@Component
public class MessageReports {

    private final CommandGateway commands;
    private final MessageDirectory directory;
    private final ReportQuota quota;

    MessageReports(CommandGateway commands, MessageDirectory directory, ReportQuota quota) {
        this.commands = commands;
        this.directory = directory;
        this.quota = quota;
    }

    /** Reports the message (404 unless the reporter is a member of its conversation); 429 past the reporter's daily cap. */
    public Filed report(MessageId messageId, UserId reporter, ReportReason reason, @Nullable String note) {
        ConversationId conversationId = directory.conversationOf(messageId);
        UUID reportId = reportId(messageId, reporter);
        boolean tookPlace = quota.take(reporter, reportId);
        boolean reported;
        try {
            reported = Boolean.TRUE.equals(commands.sendAndWait(new ReportMessage(conversationId, messageId, reportId, reporter, reason, note)));
        } catch (RuntimeException refused) {
            if (tookPlace) {
                quota.giveBack(reportId);
            }
            throw refused;
        }
        if (!reported && tookPlace) {
            quota.giveBack(reportId);
        }
        return new Filed(reportId, reported);
    }

    static UUID reportId(MessageId messageId, UserId reporter) {
        return UUID.nameUUIDFromBytes(("message-report:" + messageId + ":" + reporter).getBytes(StandardCharsets.UTF_8));
    }

    /** The report's id, and whether this call filed it ({@code false}: the member had reported the message before). */
    public record Filed(UUID reportId, boolean created) {
    }
}
