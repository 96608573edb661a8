package app.soiree.api.identity;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a staff account with the given staff roles. Only an admin (or start-up configuration) sends it. */
public record RegisterStaffMember(
        @TargetAggregateIdentifier UserId userId,
        String email,
        String displayName,
        Set<Role> roles) {
}
