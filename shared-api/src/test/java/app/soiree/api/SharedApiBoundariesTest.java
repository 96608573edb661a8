package app.soiree.api;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The message contexts every module speaks. They form no cycle, and each names the contexts it builds
 * on: a gathering's seats are held for a booking (so {@code BookingId} lives with the gathering), a
 * payment pays for one, a refund moves money back on a payment, and the booking's own read model sits
 * on top of all three. Money and the typed-id base live in the root package and are open to all.
 */
@AnalyzeClasses(packages = "app.soiree.api", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedApiBoundariesTest {

    @ArchTest
    static final ArchRule contextsFormNoCycle = slices().matching("app.soiree.api.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule eachContextDependsOnlyOnTheContextsItMay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("error").definedBy("app.soiree.api.error..")
            .layer("operations").definedBy("app.soiree.api.operations..")
            .layer("audit").definedBy("app.soiree.api.audit..")
            .layer("identity").definedBy("app.soiree.api.identity..")
            .layer("gathering").definedBy("app.soiree.api.gathering..")
            .layer("ledger").definedBy("app.soiree.api.ledger..")
            .layer("payment").definedBy("app.soiree.api.payment..")
            .layer("refund").definedBy("app.soiree.api.refund..")
            .layer("booking").definedBy("app.soiree.api.booking..")
            .layer("dispute").definedBy("app.soiree.api.dispute..")
            .layer("payout").definedBy("app.soiree.api.payout..")
            .layer("chat").definedBy("app.soiree.api.chat..")
            .layer("media").definedBy("app.soiree.api.media..")
            .layer("notification").definedBy("app.soiree.api.notification..")
            .layer("report").definedBy("app.soiree.api.report..")
            .layer("social").definedBy("app.soiree.api.social..")
            .layer("promotion").definedBy("app.soiree.api.promotion..")
            .whereLayer("error").mayNotAccessAnyLayer()
            .whereLayer("operations").mayNotAccessAnyLayer()
            .whereLayer("audit").mayOnlyAccessLayers("identity", "ledger")
            .whereLayer("identity").mayNotAccessAnyLayer()
            .whereLayer("gathering").mayOnlyAccessLayers("identity")
            .whereLayer("ledger").mayOnlyAccessLayers("identity", "gathering")
            .whereLayer("payment").mayOnlyAccessLayers("identity", "gathering", "ledger")
            .whereLayer("refund").mayOnlyAccessLayers("identity", "gathering", "ledger", "payment")
            .whereLayer("booking").mayOnlyAccessLayers("identity", "gathering", "payment", "refund")
            .whereLayer("dispute").mayOnlyAccessLayers("identity", "gathering", "ledger", "payment", "booking")
            .whereLayer("payout").mayOnlyAccessLayers("identity", "ledger")
            .whereLayer("chat").mayOnlyAccessLayers("identity", "gathering")
            .whereLayer("media").mayOnlyAccessLayers("identity")
            .whereLayer("notification").mayOnlyAccessLayers("identity")
            .whereLayer("report").mayOnlyAccessLayers("identity", "gathering", "chat")
            .whereLayer("social").mayOnlyAccessLayers("identity")
            .whereLayer("promotion").mayOnlyAccessLayers("identity", "gathering", "ledger", "payout")
            // a context package not named above is a decision not yet taken
            .ensureAllClassesAreContainedInArchitectureIgnoring("app.soiree.api");
}
