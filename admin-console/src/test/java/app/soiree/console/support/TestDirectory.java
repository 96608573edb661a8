package app.soiree.console.support;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.CreateStaffAccount;
import app.soiree.api.identity.FindStaffMembers;
import app.soiree.api.identity.FindUserProfile;
import app.soiree.api.identity.StaffMemberPage;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserProfileView;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;

/**
 * Knows the one staff member the tests sign in as, and takes staff accounts as the command side does:
 * an email that is taken is refused with its error code in the exception's details.
 */
public class TestDirectory {

    public static final String TAKEN_EMAIL = "casey@soiree.test";
    public final List<CreateStaffAccount> accountsOpened = new CopyOnWriteArrayList<>();

    @CommandHandler
    void handle(CreateStaffAccount command) {
        if (command.email().equalsIgnoreCase(TAKEN_EMAIL)) {
            throw new CommandExecutionException("An account with this email already exists", null, ErrorCode.EMAIL_ALREADY_REGISTERED.name());
        }
        accountsOpened.add(command);
    }

    @QueryHandler
    StaffMemberPage handle(FindStaffMembers query) {
        UserProfileView casey = handle(new FindUserProfile(UserId.of(ConsoleViewTest.STAFF_ID)));
        boolean kept = query.search() == null || casey.email().contains(query.search().strip().toLowerCase(java.util.Locale.ROOT));
        return new StaffMemberPage(kept ? List.of(casey) : List.of(), null);
    }

    @QueryHandler
    @Nullable UserProfileView handle(FindUserProfile query) {
        if (!query.userId().equals(UserId.of(ConsoleViewTest.STAFF_ID))) {
            return null;
        }
        return new UserProfileView(query.userId(), "casey@soiree.test", "Casey Staff", null, Set.of(Role.FINANCE),
                null, Instant.parse("2026-01-01T00:00:00Z"), null);
    }
}
