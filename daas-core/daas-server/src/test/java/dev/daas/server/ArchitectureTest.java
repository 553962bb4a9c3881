package dev.daas.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void theServerFindsConnectorsThroughTheSpiOnly() {
    noClasses()
        .that()
        .resideInAPackage("dev.daas.server..")
        .and()
        .resideOutsideOfPackage("dev.daas.server.cdc..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.daas.connector..")
        .because(
            "connectors are discovered with ServiceLoader (ARCHITECTURE.md): program against"
                + " dev.daas.model.connector.Connector and register the implementation in"
                + " META-INF/services instead of naming its class. Only capture"
                + " (dev.daas.server.cdc) drives connector-debezium directly, and"
                + " CdcArchitectureTest keeps it there")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.daas"));
  }

  @Test
  void onlyConnectorsTouchJdbcDrivers() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.daas.server..", "dev.daas.gateway..", "dev.daas.apigen..", "dev.daas.recovery..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.postgresql..", "org.mariadb..", "com.mysql..", "org.h2..", "org.jooq..")
        .because(
            "the execute stage in a connector is the only one that touches a database"
                + " (ARCHITECTURE.md, request pipeline): move driver or SQL rendering code into"
                + " connectors/connector-jdbc")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.daas"));
  }
}
