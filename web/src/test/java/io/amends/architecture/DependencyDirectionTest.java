package io.amends.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependencies point one way: web → ejb → fulfillment. Fulfillment knows nothing of cases and reports back
 * through CDI events; the case domain knows nothing of the web layer.
 *
 * <p>It runs in the web module, whose test class path holds all three modules' classes.
 */
@AnalyzeClasses(packages = "io.amends", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyDirectionTest {

    static final String[] CASE_DOMAIN = {"io.amends.cases..", "io.amends.accounts..", "io.amends.compensation..",
        "io.amends.audit..", "io.amends.sla..", "io.amends.coach..", "io.amends.users..", "io.amends.platform..",
        "io.amends.mail..", "io.amends.intake..", "io.amends.portal.."};

    @ArchTest
    static final ArchRule fulfillmentKnowsNothingOfTheCaseDomain = noClasses()
            .that().resideInAPackage("io.amends.fulfillment..")
            .should().dependOnClassesThat().resideInAnyPackage(CASE_DOMAIN)
            .because("fulfillment takes orders and reports back through CDI events; it must not know apology cases");

    @ArchTest
    static final ArchRule fulfillmentDoesNotUseTheWebLayer = noClasses()
            .that().resideInAPackage("io.amends.fulfillment..")
            .should().dependOnClassesThat().resideInAPackage("io.amends.web..");

    @ArchTest
    static final ArchRule theCaseDomainDoesNotUseTheWebLayer = noClasses()
            .that().resideInAnyPackage(CASE_DOMAIN)
            .should().dependOnClassesThat().resideInAPackage("io.amends.web..")
            .because("dependencies point one way: web → ejb → fulfillment");
}
