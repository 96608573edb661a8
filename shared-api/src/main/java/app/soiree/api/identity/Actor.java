package app.soiree.api.identity;

import java.util.Map;
import java.util.Set;

/**
 * Who sends a command: the signed-in user and the roles they act with. Travels as message metadata
 * ({@link #USER_ID_KEY}, {@link #ROLES_KEY}) on every command and is inherited by every event.
 */
public record Actor(UserId userId, Set<Role> roles) {

    public static final String USER_ID_KEY = "userId";
    public static final String ROLES_KEY = "userRoles";
    /** Metadata value of {@link #USER_ID_KEY} for what the platform does by itself (start-up, deadlines). */
    public static final String SYSTEM = "system";

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** This actor as message metadata: what a command sent on their behalf carries. */
    public Map<String, String> metaData() {
        return Map.of(USER_ID_KEY, userId.toString(), ROLES_KEY, Role.encode(roles));
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }
}
