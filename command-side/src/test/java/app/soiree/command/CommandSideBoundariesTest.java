package app.soiree.command;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The command side's contexts.
 * The context packages form no cycle, and each depends only on the contexts named here: what a
 * context may use is a decision, written down, that a new import cannot change silently. (That this
 * module never imports another side, the Maven modules already make impossible.)
 */
@AnalyzeClasses(packages = "app.soiree.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideBoundariesTest {

    @ArchTest
    static final ArchRule contextsFormNoCycle = slices().matching("app.soiree.command.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule eachContextDependsOnlyOnTheContextsItMay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("provider").definedBy("app.soiree.command.provider..")
            .layer("limits").definedBy("app.soiree.command.limits..")
            .layer("identity").definedBy("app.soiree.command.identity..")
            .layer("gathering").definedBy("app.soiree.command.gathering..")
            .layer("ledger").definedBy("app.soiree.command.ledger..")
            .layer("payment").definedBy("app.soiree.command.payment..")
            .layer("refund").definedBy("app.soiree.command.refund..")
            .layer("dispute").definedBy("app.soiree.command.dispute..")
            .layer("payout").definedBy("app.soiree.command.payout..")
            .layer("booking").definedBy("app.soiree.command.booking..")
            .layer("chat").definedBy("app.soiree.command.chat..")
            .layer("media").definedBy("app.soiree.command.media..")
            .layer("notification").definedBy("app.soiree.command.notification..")
            .layer("report").definedBy("app.soiree.command.report..")
            .layer("social").definedBy("app.soiree.command.social..")
            .layer("promotion").definedBy("app.soiree.command.promotion..")
            .whereLayer("provider").mayNotAccessAnyLayer()
            .whereLayer("limits").mayNotAccessAnyLayer()
            .whereLayer("identity").mayOnlyAccessLayers("limits")
            .whereLayer("gathering").mayOnlyAccessLayers("social")
            .whereLayer("ledger").mayNotAccessAnyLayer()
            .whereLayer("payment").mayOnlyAccessLayers("provider")
            .whereLayer("refund").mayOnlyAccessLayers("payment", "provider")
            .whereLayer("dispute").mayOnlyAccessLayers("payment", "provider")
            .whereLayer("payout").mayOnlyAccessLayers("provider")
            .whereLayer("booking").mayOnlyAccessLayers("gathering", "payment", "refund", "limits")
            .whereLayer("chat").mayOnlyAccessLayers("identity", "limits", "social")
            .whereLayer("media").mayNotAccessAnyLayer()
            .whereLayer("notification").mayOnlyAccessLayers("social")
            .whereLayer("report").mayOnlyAccessLayers("chat", "identity", "limits")
            .whereLayer("social").mayOnlyAccessLayers("identity")
            .whereLayer("promotion").mayNotAccessAnyLayer()
            // a context package not named above is a decision not yet taken
            .ensureAllClassesAreContainedInArchitectureIgnoring("app.soiree.command");
}
