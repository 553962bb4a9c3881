package dev.daas.recovery;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void recoveryIsPureJavaOverTheModel() {
    classes()
        .that()
        .resideInAPackage("dev.daas.recovery..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..", "dev.daas.model..", "dev.daas.recovery..", "net.sf.jsqlparser..")
        .because(
            "recovery is a deterministic function from evidence to model (ARCHITECTURE.md): move"
                + " framework, JDBC or I/O code to daas-server or a connector and pass its results"
                + " in as daas-model records; JSqlParser is allowed because it is a pure parser of SQL"
                + " text, which SqlTables needs to find the tables of captured statements")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.daas.recovery"));
  }
}
