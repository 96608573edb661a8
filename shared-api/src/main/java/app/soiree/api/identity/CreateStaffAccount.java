package app.soiree.api.identity;

import java.util.Set;

/**
 * Opens a staff account from the console: the credentials (the email claimed, the password hashed)
 * and then {@link RegisterStaffMember} for the account's events, in one transaction on the command
 * side, where the credential store lives. Only an admin sends it; the id comes from the sender.
 *
 * <p>The initial password travels in this command as it travels in the HTTP request that creates a
 * staff account through the API. Commands are never stored, and it never reaches an event;
 * {@link #toString()} leaves it out so that no log shows it.
 */
public record CreateStaffAccount(UserId userId, String email, String displayName, String initialPassword, Set<Role> roles) {

    public CreateStaffAccount {
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "CreateStaffAccount[userId=" + userId + ", email=" + email + ", displayName=" + displayName
                + ", initialPassword=(hidden), roles=" + roles + "]";
    }
}
