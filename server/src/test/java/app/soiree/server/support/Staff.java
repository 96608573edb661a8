package app.soiree.server.support;

import app.soiree.server.support.Api.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A FINANCE and a SUPPORT staff member, created once per application context (told apart by its port): the admin's
 * sign-ins are rate limited per minute, and every money test needs staff.
 */
public record Staff(Session finance, Session support) {

    private static final Map<Integer, Staff> BY_PORT = new ConcurrentHashMap<>();

    public static Staff of(Api api, int port) {
        return BY_PORT.computeIfAbsent(port, p -> {
            Session admin = api.signIn("", "admin@soiree.test", "admin-password-1");
            return new Staff(api.newStaff(admin, "FINANCE"), api.newStaff(admin, "SUPPORT"));
        });
    }
}
