package app.soiree.query;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The query side's contexts; {@code paging} and {@code web} are shared plumbing a context may be allowed to use.
 * The context packages form no cycle, and each depends only on the contexts named here: what a
 * context may use is a decision, written down, that a new import cannot change silently. (That this
 * module never imports another side, the Maven modules already make impossible.)
 */
@AnalyzeClasses(packages = "app.soiree.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QuerySideBoundariesTest {

    @ArchTest
    static final ArchRule contextsFormNoCycle = slices().matching("app.soiree.query.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule eachContextDependsOnlyOnTheContextsItMay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("paging").definedBy("app.soiree.query.paging..")
            .layer("web").definedBy("app.soiree.query.web..")
            .layer("audit").definedBy("app.soiree.query.audit..")
            .layer("identity").definedBy("app.soiree.query.identity..")
            .layer("gathering").definedBy("app.soiree.query.gathering..")
            .layer("ledger").definedBy("app.soiree.query.ledger..")
            .layer("operations").definedBy("app.soiree.query.operations..")
            .layer("payout").definedBy("app.soiree.query.payout..")
            .layer("refund").definedBy("app.soiree.query.refund..")
            .layer("payment").definedBy("app.soiree.query.payment..")
            .layer("dispute").definedBy("app.soiree.query.dispute..")
            .layer("booking").definedBy("app.soiree.query.booking..")
            .layer("realtime").definedBy("app.soiree.query.realtime..")
            .layer("chat").definedBy("app.soiree.query.chat..")
            .layer("media").definedBy("app.soiree.query.media..")
            .layer("notification").definedBy("app.soiree.query.notification..")
            .layer("report").definedBy("app.soiree.query.report..")
            .layer("social").definedBy("app.soiree.query.social..")
            .layer("promotion").definedBy("app.soiree.query.promotion..")
            .layer("privacy").definedBy("app.soiree.query.privacy..")
            .whereLayer("paging").mayNotAccessAnyLayer()
            .whereLayer("web").mayNotAccessAnyLayer()
            .whereLayer("audit").mayOnlyAccessLayers("paging")
            .whereLayer("identity").mayOnlyAccessLayers("paging")
            .whereLayer("gathering").mayOnlyAccessLayers("paging", "web")
            .whereLayer("ledger").mayOnlyAccessLayers("paging", "web")
            .whereLayer("operations").mayOnlyAccessLayers("paging")
            .whereLayer("payout").mayOnlyAccessLayers("paging")
            .whereLayer("refund").mayOnlyAccessLayers("paging")
            .whereLayer("payment").mayOnlyAccessLayers("refund")
            .whereLayer("dispute").mayOnlyAccessLayers("paging", "payment")
            .whereLayer("booking").mayOnlyAccessLayers("gathering", "paging", "payment")
            .whereLayer("realtime").mayNotAccessAnyLayer()
            .whereLayer("chat").mayOnlyAccessLayers("gathering", "identity", "media", "paging", "realtime", "social")
            .whereLayer("media").mayOnlyAccessLayers("realtime")
            .whereLayer("notification").mayOnlyAccessLayers("paging", "realtime")
            .whereLayer("report").mayOnlyAccessLayers("chat", "gathering", "identity", "paging")
            .whereLayer("social").mayOnlyAccessLayers("gathering", "paging")
            .whereLayer("promotion").mayNotAccessAnyLayer()
            // the data export reads the other contexts' tables, never their classes
            .whereLayer("privacy").mayNotAccessAnyLayer()
            // a context package not named above is a decision not yet taken
            .ensureAllClassesAreContainedInArchitectureIgnoring("app.soiree.query");
}
