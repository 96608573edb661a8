package app.soiree.server.security;

import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Reads who is acting from Spring Security's authentication. Both ways in name the user by id: the
 * API's token subject and the console principal's name are the user id; roles are {@code ROLE_*}
 * authorities.
 */
public final class Actors {

    private Actors() {
    }

    public static Optional<Actor> from(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        UserId userId;
        try {
            userId = UserId.of(authentication.getName());
        } catch (IllegalArgumentException notAUserId) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring("ROLE_".length())));
                } catch (IllegalArgumentException unknownRole) {
                    // Authorities Soiree does not define grant nothing here.
                }
            }
        }
        return Optional.of(new Actor(userId, roles));
    }
}
