package app.soiree.api.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;

public record StaffMemberPage(List<UserProfileView> items, @Nullable String nextCursor) {
}
