package app.soiree.query;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of tests that feed events to the projections and read back through queries. All such tests
 * share one application context and one PostgreSQL; every test starts from empty tables ({@link ProjectionTables}).
 */
@SpringBootTest(classes = QuerySideTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "soiree.role.query=true",
                "spring.jpa.hibernate.ddl-auto=validate",
                "spring.jpa.open-in-view=false",
                "spring.jpa.properties.hibernate.jdbc.time_zone=UTC",
                // unread.total at once after each commit, so that tests see it when publish returns (UnreadTotalPushesTest coalesces)
                "soiree.chat.unread-total-every=0"})
public abstract class ProjectionTest {

    @Autowired
    protected TestEvents events;

    @Autowired
    protected JdbcClient jdbc;

    @BeforeEach
    void startFromEmptyTables() {
        jdbc.sql(ProjectionTables.truncateAll()).update();
    }
}
