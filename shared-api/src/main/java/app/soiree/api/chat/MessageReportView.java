package app.soiree.api.chat;

import java.util.List;

/** A report, and the messages around the reported one in seq order (itself included), as they stand now. */
public record MessageReportView(MessageReportSummary report, List<ChatMessageSummary> context) {
}
