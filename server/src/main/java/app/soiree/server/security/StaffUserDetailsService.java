package app.soiree.server.security;

import app.soiree.api.identity.Role;
import app.soiree.command.identity.Accounts;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Console sign-in for staff. Reads the command side's credential table directly (read-only), so that a
 * console-only replica can sign staff in without the command role. Accounts without a staff role do
 * not exist as far as the console is concerned. The principal's name is the user id, as in the API.
 */
@Component
class StaffUserDetailsService implements UserDetailsService {

    private final JdbcTemplate jdbc;

    StaffUserDetailsService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return jdbc.query("select user_id, password_hash, roles from accounts where email = ?",
                        (row, index) -> new Credentials(row.getString("user_id"), row.getString("password_hash"),
                                Role.decode(row.getString("roles"))),
                        Accounts.normalizeEmail(email))
                .stream()
                .filter(credentials -> credentials.roles().stream().anyMatch(Role::isStaff))
                .map(credentials -> User.withUsername(credentials.userId())
                        .password(credentials.passwordHash())
                        .authorities(credentials.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList())
                        .build())
                .findFirst()
                .orElseThrow(() -> new UsernameNotFoundException("No staff account for this email"));
    }

    private record Credentials(String userId, String passwordHash, Set<Role> roles) {
    }
}
