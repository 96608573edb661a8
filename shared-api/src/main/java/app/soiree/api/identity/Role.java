package app.soiree.api.identity;

import java.util.EnumSet;
import java.util.Set;

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
}
