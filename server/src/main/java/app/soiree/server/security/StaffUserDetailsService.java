package app.soiree.server.security;

import app.soiree.api.identity.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
        List<UserDetails> found = jdbc.query("select user_id, password_hash, roles from accounts where email = ?",
                (row, index) -> {
                    List<Role> roles = Arrays.stream(row.getString("roles").split(","))
                            .filter(role -> !role.isBlank()).map(Role::valueOf).toList();
                    if (roles.stream().noneMatch(Role::isStaff)) {
                        return null;
                    }
                    return User.withUsername(row.getString("user_id"))
                            .password(row.getString("password_hash"))
                            .authorities(roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList())
                            .build();
                },
                email.strip().toLowerCase(Locale.ROOT));
        return found.stream().filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new UsernameNotFoundException("No staff account for this email"));
    }
}
