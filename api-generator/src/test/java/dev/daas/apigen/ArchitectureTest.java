package dev.daas.apigen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.daas.apigen", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule generatorDependsOnlyOnTheModelAndSwagger =
      classes()
          .that()
          .resideInAPackage("dev.daas.apigen..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "dev.daas.apigen..",
              "dev.daas.model..",
              "io.swagger.v3..",
              "com.fasterxml.jackson..",
              "java..")
          .because(
              "the generator is a pure function of the model: read what you need from"
                  + " dev.daas.model and build it with swagger-core, never with the server,"
                  + " the gateway or a connector");
}
