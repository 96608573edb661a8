package app.soiree.server.console;

import app.soiree.server.support.Api;
import java.util.List;
import java.util.Map;

/**
 * Staff accounts for console tests, opened through the API by the first admin. The admin's sign-ins
 * are rate limited per minute, so a test class opens its accounts once.
 */
final class StaffAccounts {

    static final String PASSWORD = "console-password-1";

    private StaffAccounts() {
    }

    /** The first admin, signed in to the API; one sign-in serves a whole test class (its token lasts 15 minutes). */
    static Api.Session admin(Api api) {
        return api.signIn("", "admin@soiree.test", "admin-password-1");
    }

    /** Opens one account per role, with emails unique to {@code prefix}, and signs each in to the API. */
    static Map<String, Api.Session> open(Api api, Api.Session admin, String prefix, List<String> roles) {
        Map<String, Api.Session> sessions = new java.util.LinkedHashMap<>();
        for (String role : roles) {
            String email = prefix + "." + role.toLowerCase() + "@soiree.test";
            String userId = api.post("/api/admin/staff", admin.accessToken(), Map.of("email", email, "password", PASSWORD,
                    "displayName", prefix + " " + role.toLowerCase(), "roles", List.of(role))).expectStatus(201).json().get("userId").asString();
            sessions.put(role, api.signIn(userId, email, PASSWORD));
        }
        return sessions;
    }
}
