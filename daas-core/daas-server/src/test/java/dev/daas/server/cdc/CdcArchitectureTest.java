package dev.daas.server.cdc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Capture orchestration is the one place in the server that names a connector: the Debezium module,
 * which has no SPI in daas-model to be found through.
 */
class CdcArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.daas");

  @Test
  void onlyCaptureOrchestrationUsesTheDebeziumConnector() {
    noClasses()
        .that()
        .resideInAPackage("dev.daas.server..")
        .and()
        .resideOutsideOfPackage("dev.daas.server.cdc..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.daas.connector.debezium..")
        .because(
            "change capture is orchestrated in dev.daas.server.cdc only: add what another"
                + " package needs to CdcEngines or an event observed there")
        .check(CLASSES);
  }

  @Test
  void captureOrchestrationUsesNoOtherConnector() {
    noClasses()
        .that()
        .resideInAPackage("dev.daas.server.cdc..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.daas.connector.jdbc..")
        .because(
            "queries go through the connector SPI (dev.daas.model.connector), found with"
                + " ServiceLoader; capture talks to connector-debezium only")
        .check(CLASSES);
  }
}
