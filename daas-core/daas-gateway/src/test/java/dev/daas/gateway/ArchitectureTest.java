package dev.daas.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void theGatewayDependsOnlyOnTheJdkTheModelAndAntlr() {
    classes()
        .that()
        .resideInAPackage("dev.daas.gateway..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..", "javax.crypto..", "dev.daas.model..", "dev.daas.gateway..", "org.antlr..")
        .because(
            "the gateway holds the pure stages of the request pipeline (ARCHITECTURE.md): keep"
                + " HTTP, JSON, CDI and database code in daas-server or a connector and hand this"
                + " module plain values (query parameters in, response structures out); the JDK's"
                + " javax.crypto is allowed for keyed hash masks")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.daas.gateway"));
  }
}
