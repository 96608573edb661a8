package app.soiree.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The command side stands on shared-api alone; it never reaches into another side. */
@AnalyzeClasses(packages = "app.soiree", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideBoundariesTest {

    @ArchTest
    static final ArchRule staysOutOfTheOtherSides = noClasses().that().resideInAPackage("app.soiree.command..")
            .should().dependOnClassesThat().resideInAnyPackage("app.soiree.query..", "app.soiree.console..", "app.soiree.server..");
}
