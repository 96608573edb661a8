package app.soiree.console;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The console's views by context; {@code platform} (gateways, live updates) and {@code layout} (the shell) serve them all.
 * The context packages form no cycle, and each depends only on the contexts named here: what a
 * context may use is a decision, written down, that a new import cannot change silently. (That this
 * module never imports another side, the Maven modules already make impossible.)
 */
@AnalyzeClasses(packages = "app.soiree.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ConsoleBoundariesTest {

    @ArchTest
    static final ArchRule contextsFormNoCycle = slices().matching("app.soiree.console.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule eachContextDependsOnlyOnTheContextsItMay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("platform").definedBy("app.soiree.console.platform..")
            .layer("home").definedBy("app.soiree.console.home..")
            .layer("layout").definedBy("app.soiree.console.layout..")
            .layer("ledger").definedBy("app.soiree.console.ledger..")
            .layer("lookup").definedBy("app.soiree.console.lookup..")
            .layer("operations").definedBy("app.soiree.console.operations..")
            .layer("staff").definedBy("app.soiree.console.staff..")
            .layer("dispute").definedBy("app.soiree.console.dispute..")
            .layer("payout").definedBy("app.soiree.console.payout..")
            .layer("moderation").definedBy("app.soiree.console.moderation..")
            .layer("notification").definedBy("app.soiree.console.notification..")
            .layer("promotion").definedBy("app.soiree.console.promotion..")
            .layer("audit").definedBy("app.soiree.console.audit..")
            .whereLayer("platform").mayNotAccessAnyLayer()
            .whereLayer("home").mayNotAccessAnyLayer()
            .whereLayer("layout").mayOnlyAccessLayers("home", "platform")
            .whereLayer("ledger").mayOnlyAccessLayers("layout", "platform")
            .whereLayer("lookup").mayOnlyAccessLayers("layout", "platform")
            .whereLayer("operations").mayOnlyAccessLayers("layout", "platform")
            .whereLayer("staff").mayOnlyAccessLayers("layout", "platform")
            .whereLayer("dispute").mayOnlyAccessLayers("layout", "lookup", "platform")
            .whereLayer("payout").mayOnlyAccessLayers("layout", "lookup", "platform")
            .whereLayer("moderation").mayOnlyAccessLayers("layout", "lookup", "platform")
            .whereLayer("notification").mayOnlyAccessLayers("layout", "lookup", "platform")
            .whereLayer("promotion").mayOnlyAccessLayers("layout", "platform")
            .whereLayer("audit").mayOnlyAccessLayers("layout", "platform")
            // a context package not named above is a decision not yet taken
            .ensureAllClassesAreContainedInArchitectureIgnoring("app.soiree.console");
}
