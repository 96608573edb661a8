package app.soiree.query.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;

/** A new read model parks what it cannot apply unless it is deliberately left out, as the ledger is. */
class ProcessingGroupsTest {

    /**
     * The journal, the audit hash chain and the causal timelines stop on a failure instead (LedgerProcessing,
     * ChainProcessing, TimelineProcessing): a hole in any of them is worse than a delay.
     */
    static final Set<String> STOPPING = Set.of("ledger", "audit-chain", "audit-timeline");

    @Test
    void everyQuerySideProcessingGroupParksOrIsDeliberatelyLeftOut() {
        Set<String> groups = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.soiree.query").stream()
                .filter(type -> type.isAnnotatedWith(ProcessingGroup.class))
                .map(ProcessingGroupsTest::groupOf)
                .collect(Collectors.toSet());

        assertThat(groups).containsAll(ParkedEventProcessing.GROUPS);
        assertThat(groups).containsExactlyInAnyOrderElementsOf(union(ParkedEventProcessing.GROUPS, STOPPING));
    }

    @Test
    void anErrorIsStoredAsShortPrintableText() {
        String stored = ParkingPolicy.printable("Null\u0000Byte\nnext line " + "x".repeat(2000), ParkingPolicy.MAX_ERROR_LENGTH);

        assertThat(stored).startsWith("Null\\u0000Byte next line x").hasSize(ParkingPolicy.MAX_ERROR_LENGTH).doesNotContain("\u0000");
    }

    private static String groupOf(JavaClass type) {
        return type.getAnnotationOfType(ProcessingGroup.class).value();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}
