package app.soiree.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The console side stands on shared-api alone; it never reaches into another side. */
@AnalyzeClasses(packages = "app.soiree", importOptions = ImportOption.DoNotIncludeTests.class)
class ConsoleBoundariesTest {

    @ArchTest
    static final ArchRule staysOutOfTheOtherSides = noClasses().that().resideInAPackage("app.soiree.console..")
            .should().dependOnClassesThat().resideInAnyPackage("app.soiree.command..", "app.soiree.query..", "app.soiree.server..");
}
