package app.soiree.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ProjectionTables} names every table the query side's migrations create, and no other. The platform's
 * tables that the tests create beside them (see {@link QuerySideTestApplication}) are not the query side's.
 */
class ProjectionTablesTest extends ProjectionTest {

    @Test
    void theListNamesEveryProjectionTable() {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'
                  and table_name not in ('flyway_schema_history', 'content_keys')
                """).query(String.class).list();

        assertThat(ProjectionTables.ALL).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(tables);
    }
}
