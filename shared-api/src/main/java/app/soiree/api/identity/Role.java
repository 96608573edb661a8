package app.soiree.api.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What a user may do. Every account is a GUEST; HOST is self-service; staff roles are granted by an admin. */
public enum Role {
    GUEST,
    HOST,
    SUPPORT,
    FINANCE,
    ADMIN;

    /** Roles only an admin can grant; accounts holding one may sign in to the console. */
    public static final Set<Role> STAFF = EnumSet.of(SUPPORT, FINANCE, ADMIN);

    public boolean isStaff() {
        return STAFF.contains(this);
    }

    /** Roles as stored in a column or carried in message metadata: names, sorted, comma-separated. */
    public static String encode(Collection<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    public static Set<Role> decode(String encoded) {
        return Arrays.stream(encoded.split(",")).map(String::strip).filter(name -> !name.isEmpty()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
