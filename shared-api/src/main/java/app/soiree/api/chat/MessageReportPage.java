package app.soiree.api.chat;

import java.util.List;
import org.jspecify.annotations.Nullable;

public record MessageReportPage(List<MessageReportSummary> items, @Nullable String nextCursor) {
}
