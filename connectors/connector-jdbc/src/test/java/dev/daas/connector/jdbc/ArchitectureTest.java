package dev.daas.connector.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.daas.connector.jdbc");

  @Test
  void runsNoStatementWithoutBoundParameters() {
    noClasses()
        .should()
        .callMethod(java.sql.Connection.class, "createStatement")
        .because(
            "values must be bound parameters: use Connection.prepareStatement with ? placeholders"
                + " (SqlRenderer for data reads, CatalogQuery for catalog reads)")
        .check(CLASSES);
  }

  @Test
  void staysIndependentOfApplicationFrameworks() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.quarkus..", "jakarta..", "org.hibernate..")
        .because(
            "connectors are plain libraries loaded through ServiceLoader; move framework wiring"
                + " into daas-server")
        .check(CLASSES);
  }
}
