package app.soiree.console.support;

import app.soiree.api.identity.FindUserProfile;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserProfileView;
import java.time.Instant;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;

/** Knows the one staff member the tests sign in as. */
public class TestDirectory {

    @QueryHandler
    @Nullable UserProfileView handle(FindUserProfile query) {
        if (!query.userId().equals(UserId.of(ConsoleViewTest.STAFF_ID))) {
            return null;
        }
        return new UserProfileView(query.userId(), "casey@soiree.test", "Casey Staff", null, Set.of(Role.FINANCE),
                null, Instant.parse("2026-01-01T00:00:00Z"));
    }
}
