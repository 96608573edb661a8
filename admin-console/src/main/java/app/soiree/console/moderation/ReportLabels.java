package app.soiree.console.moderation;

import app.soiree.api.chat.MessageReportStatus;
import app.soiree.api.chat.MessageReportSummary;
import app.soiree.api.chat.MessageType;
import app.soiree.api.chat.ReportReason;
import app.soiree.api.identity.UserId;
import app.soiree.api.report.ReportStatus;
import app.soiree.api.report.ReportSummary;
import app.soiree.api.report.ReportTargetType;
import app.soiree.console.lookup.LookupView;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.Links;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How a report and what it is about read on the moderation screens, the same in the queue and on a report's page. */
final class ReportLabels {

    /** A deleted message's text is gone everywhere; the console says so rather than showing an empty cell. */
    static final String DELETED = "deleted";

    private ReportLabels() {
    }

    /** The text, "deleted", or the kind of a message without text ("(image)"). */
    static String message(@Nullable MessageType type, @Nullable String text, boolean deleted) {
        if (deleted) {
            return DELETED;
        }
        if (text != null) {
            return text;
        }
        // The report arrived before the message reached the read side: rare, and it shows on the next refresh.
        return type == null ? "(not on the read side yet)" : "(" + type.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    }

    static String message(MessageReportSummary report) {
        return message(report.messageType(), report.text(), report.messageDeleted());
    }

    /** "Group · Supper club", "Gathering · Talk supper", "Direct". */
    static String conversation(MessageReportSummary report) {
        String kind = switch (report.conversationKind()) {
            case DIRECT -> "Direct";
            case GATHERING -> "Gathering";
            case GROUP -> "Group";
        };
        return report.conversationTitle() == null ? kind : kind + " · " + report.conversationTitle();
    }

    static String type(ReportTargetType type) {
        return switch (type) {
            case USER -> "user";
            case GATHERING -> "gathering";
            case MESSAGE -> "message";
        };
    }

    /** What was reported: the message (as {@link #message(MessageReportSummary)}), the user's name, the gathering's title. */
    static String target(ReportSummary report) {
        if (report.message() != null) {
            return message(report.message());
        }
        if (report.targetLabel() != null) {
            return report.targetLabel();
        }
        // Reported before the read side knew the user or gathering: rare, and it shows on the next refresh.
        return report.targetId() + " (not on the read side yet)";
    }

    static String reason(ReportReason reason) {
        return switch (reason) {
            case SPAM -> "spam";
            case HARASSMENT -> "harassment";
            case OTHER -> "other";
        };
    }

    /** "open", or what settled it and when: "handled: message deleted at 2026-12-03 10:00:00 UTC". */
    static String status(MessageReportSummary report) {
        if (report.status() == MessageReportStatus.OPEN) {
            return "open";
        }
        String because = report.handledBecause() == null ? "handled" : switch (report.handledBecause()) {
            case MESSAGE_DELETED -> "handled: message deleted";
            case AUTHOR_BANNED -> "handled: sender banned";
        };
        return report.handledAt() == null ? because : because + " at " + Formats.time(report.handledAt());
    }

    /** "open", or how it was settled and when: "handled: dismissed at …", "handled: message deleted at …". */
    static String status(ReportSummary report) {
        if (report.message() != null) {
            return status(report.message());
        }
        if (report.status() == ReportStatus.OPEN) {
            return "open";
        }
        String because = report.outcome() == null ? "handled" : "handled: " + switch (report.outcome()) {
            case DISMISSED -> "dismissed";
            case RESOLVED -> "resolved";
            case MESSAGE_DELETED -> "message deleted";
            case AUTHOR_BANNED -> "sender banned";
        };
        return report.handledAt() == null ? because : because + " at " + Formats.time(report.handledAt());
    }

    static String name(@Nullable UserId userId, @Nullable String displayName) {
        if (displayName != null) {
            return displayName;
        }
        return userId == null ? "the platform" : userId.toString();
    }

    /** A person opens in the lookup, which links on to everything else known about them. */
    static Component person(@Nullable UserId userId, @Nullable String displayName) {
        if (userId == null) {
            return new Text(name(null, displayName));
        }
        return Links.withQuery(name(userId, displayName), LookupView.class, LookupView.QUERY_PARAMETER, userId.toString());
    }
}
