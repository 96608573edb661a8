package app.soiree.api.identity;

import java.time.Instant;
import java.util.Set;

/** A staff account's roles changed; {@code roles} are all the roles it holds from now on. */
public record StaffRolesChanged(UserId userId, Set<Role> roles, Instant changedAt) {
}
