package app.soiree.api.identity;

import org.jspecify.annotations.Nullable;

/** Accounts holding a staff role, by email; answered with a {@link StaffMemberPage}. */
public record FindStaffMembers(@Nullable String cursor, int limit) {
}
