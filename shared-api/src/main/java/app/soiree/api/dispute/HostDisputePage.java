package app.soiree.api.dispute;

import java.util.List;
import org.jspecify.annotations.Nullable;

public record HostDisputePage(List<HostDisputeView> items, @Nullable String nextCursor) {
}
