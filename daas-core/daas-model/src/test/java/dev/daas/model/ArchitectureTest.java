package dev.daas.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void theModelDependsOnNothingButTheJdk() {
    classes()
        .that()
        .resideInAPackage("dev.daas.model..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.daas.model..")
        .because(
            "every module depends on daas-model, so it holds plain records and interfaces only"
                + " (ARCHITECTURE.md): put framework, JSON, JDBC or parsing code in the module that"
                + " needs it and keep only the data shape here")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.daas.model"));
  }
}
