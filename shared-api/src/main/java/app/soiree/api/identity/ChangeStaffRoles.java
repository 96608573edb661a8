package app.soiree.api.identity;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets a staff account's staff roles to exactly {@code roles} (one or more of {@link Role#STAFF});
 * the account's other roles stay. Only an admin sends it, and no admin can take ADMIN from themselves.
 */
public record ChangeStaffRoles(@TargetAggregateIdentifier UserId userId, Set<Role> roles) {

    public ChangeStaffRoles {
        roles = Set.copyOf(roles);
    }
}
