package app.soiree.api.report;

import java.util.List;
import org.jspecify.annotations.Nullable;

public record ReportPage(List<ReportSummary> items, @Nullable String nextCursor) {
}
