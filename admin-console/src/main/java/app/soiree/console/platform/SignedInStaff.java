package app.soiree.console.platform;

import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The staff member this browser session belongs to. Sign-in names the principal by user id, as the
 * API does, and grants each staff role as {@code ROLE_*}; nothing else counts here.
 */
@Component
public class SignedInStaff {

    private final AuthenticationContext authentication;

    SignedInStaff(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    /** Throws when nobody is signed in: every console view but the sign-in page requires a staff member. */
    public Actor actor() {
        String principal = authentication.getPrincipalName()
                .orElseThrow(() -> new IllegalStateException("No staff member is signed in"));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.STAFF) {
            if (authentication.hasRole(role.name())) {
                roles.add(role);
            }
        }
        return new Actor(UserId.of(principal), roles);
    }

    public UserId userId() {
        return actor().userId();
    }

    public boolean has(Role role) {
        return authentication.hasRole(role.name());
    }

    public void signOut() {
        authentication.logout();
    }
}
