package app.soiree.server.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module boundaries of ARCHITECTURE.md, checked on the assembled application where every side is
 * on one classpath (within a module the compiler cannot see the others, so only here could a slip show).
 */
@AnalyzeClasses(packages = "app.soiree", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule querySideNeverImportsCommandSide = noClasses().that().resideInAPackage("app.soiree.query..")
            .should().dependOnClassesThat().resideInAPackage("app.soiree.command..");

    @ArchTest
    static final ArchRule commandSideNeverImportsQuerySide = noClasses().that().resideInAPackage("app.soiree.command..")
            .should().dependOnClassesThat().resideInAPackage("app.soiree.query..");

    @ArchTest
    static final ArchRule consoleImportsNeitherSide = noClasses().that().resideInAPackage("app.soiree.console..")
            .should().dependOnClassesThat().resideInAnyPackage("app.soiree.command..", "app.soiree.query..");

    @ArchTest
    static final ArchRule sharedApiDependsOnNoSide = noClasses().that().resideInAPackage("app.soiree.api..")
            .should().dependOnClassesThat().resideInAnyPackage("app.soiree.command..", "app.soiree.query..",
                    "app.soiree.console..", "app.soiree.server..", "org.springframework..", "tools.jackson..", "jakarta.persistence..");
}
