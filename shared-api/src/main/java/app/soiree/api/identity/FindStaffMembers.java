package app.soiree.api.identity;

import org.jspecify.annotations.Nullable;

/**
 * Accounts holding a staff role, by email; answered with a {@link StaffMemberPage}. {@code search}, when
 * given, keeps the accounts whose email or name contains it, in any case.
 */
public record FindStaffMembers(@Nullable String search, @Nullable String cursor, int limit) {

    /** Every staff account. */
    public FindStaffMembers(@Nullable String cursor, int limit) {
        this(null, cursor, limit);
    }
}
