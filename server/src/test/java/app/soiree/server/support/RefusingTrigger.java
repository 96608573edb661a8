package app.soiree.server.support;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A trigger that makes PostgreSQL refuse the rows of {@code provider_events} a condition picks, for tests of what commits
 * together with what; closing it drops it. The error it raises says "refused for this test".
 */
public final class RefusingTrigger implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final String name;

    private RefusingTrigger(JdbcTemplate jdbc, String name) {
        this.jdbc = jdbc;
        this.name = name;
    }

    /**
     * @param operation {@code insert} or {@code update}
     * @param condition a boolean expression over {@code new}, such as {@code new.payload like '%…%'}
     */
    public static RefusingTrigger onProviderEvents(JdbcTemplate jdbc, String operation, String condition) {
        String name = "refuse_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("create function " + name + "() returns trigger language plpgsql as $$ begin "
                + "if " + condition + " then raise exception 'refused for this test'; end if; return new; end $$; "
                + "create trigger " + name + " before " + operation + " on provider_events for each row execute function " + name + "()");
        return new RefusingTrigger(jdbc, name);
    }

    @Override
    public void close() {
        jdbc.execute("drop trigger " + name + " on provider_events; drop function " + name + "()");
    }
}
