package org.imrflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Packages depend one way (README, "How it fits together"): no cycle between the packages of
 * org.imrflow, the shared kernel {@code cases} knows no feature, and the infrastructure below it
 * knows no case.
 */
class ArchitectureTest {

  private static final String[] FEATURES = {"..intake..", "..reviewers..", "..guidelines..", "..review..",
      "..letters..", "..deadlines..", "..documents..", "..quality..", "..reports..", "..caseapi..", "..demo..",
      "..setup.."};

  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.imrflow");

  @Test
  void noCycleBetweenPackages() {
    slices().matching("org.imrflow.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theCaseKernelKnowsNoFeature() {
    noClasses().that().resideInAPackage("org.imrflow.cases..").should().dependOnClassesThat()
        .resideInAnyPackage(FEATURES).check(classes);
  }

  @Test
  void infrastructureKnowsNoCaseAndNoFeature() {
    noClasses().that().resideInAnyPackage("org.imrflow.security..", "org.imrflow.process..", "org.imrflow.web..",
            "org.imrflow.persistence..")
        .should().dependOnClassesThat().resideInAnyPackage(FEATURES).orShould().dependOnClassesThat()
        .resideInAPackage("org.imrflow.cases..").check(classes);
  }
}
