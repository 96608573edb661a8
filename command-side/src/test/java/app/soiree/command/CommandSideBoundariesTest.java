package app.soiree.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The command side's contexts form no cycle, and each depends only on the contexts named here: what
 * a context may use is a decision, written down, that a new import cannot change silently. (That the
 * command side never imports the query side or the console, the Maven modules already make impossible.)
 */
class CommandSideBoundariesTest {

    private static final String ROOT = "app.soiree.command";

    /** Each context and the contexts it may depend on. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("provider", Set.of()),
            Map.entry("limits", Set.of()),
            Map.entry("identity", Set.of("limits")),
            Map.entry("gathering", Set.of()),
            Map.entry("ledger", Set.of()),
            Map.entry("payment", Set.of("provider")),
            Map.entry("refund", Set.of("payment", "provider")),
            Map.entry("dispute", Set.of("payment", "provider")),
            Map.entry("payout", Set.of("provider")),
            Map.entry("booking", Set.of("gathering", "payment", "refund", "limits")));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void contextsFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void eachContextDependsOnlyOnTheContextsItMay() {
        BoundaryRules.check(classes, ROOT, ALLOWED);
    }

    /** Every context package is in the table: a new one is a decision too. */
    @Test
    void everyContextIsNamed() {
        Set<String> contexts = new TreeSet<>();
        classes.forEach(javaClass -> BoundaryRules.contextOf(ROOT, javaClass.getPackageName()).ifPresent(contexts::add));
        org.assertj.core.api.Assertions.assertThat(ALLOWED.keySet()).containsExactlyInAnyOrderElementsOf(contexts);
    }

    /** Shared by the boundary tests of this module; kept here so that the rule reads next to its table. */
    static final class BoundaryRules {
        private BoundaryRules() {
        }

        static java.util.Optional<String> contextOf(String root, String packageName) {
            if (!packageName.startsWith(root + ".")) {
                return java.util.Optional.empty();
            }
            String rest = packageName.substring(root.length() + 1);
            int dot = rest.indexOf('.');
            return java.util.Optional.of(dot < 0 ? rest : rest.substring(0, dot));
        }

        static void check(JavaClasses classes, String root, Map<String, Set<String>> allowed) {
            allowed.forEach((context, mayUse) -> {
                String[] forbidden = allowed.keySet().stream()
                        .filter(other -> !other.equals(context) && !mayUse.contains(other))
                        .map(other -> root + "." + other + "..")
                        .toArray(String[]::new);
                if (forbidden.length > 0) {
                    noClasses().that().resideInAPackage(root + "." + context + "..")
                            .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                            .because(context + " may depend on " + (mayUse.isEmpty() ? "no other context" : mayUse) + " only")
                            .check(classes);
                }
            });
        }
    }
}
