package dev.daas.apigen;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VendorExtensionsTest {
  private static final ApiDocumentOptions OPTIONS =
      ApiDocumentOptions.forSource("legacy", "3", "https://daas.example.org/api/v1/legacy");

  private static final OpenAPI ANNOTATED =
      OpenApiParsing.parseCleanly(
          new OpenApiGenerator().generateJson(TestingModels.annotated(), OPTIONS));

  @Test
  void putsReadableNamesIntoTitlesAndAnExtension() {
    Schema<?> order = schema("Order");
    Schema<?> branch = property("Order", "branch");

    assertThat(order.getTitle()).isEqualTo("sales_order");
    assertThat(order.getExtensions()).containsEntry("x-daas-readable-name", "sales_order");
    assertThat(branch.getTitle()).isEqualTo("branch_code");
    assertThat(branch.getExtensions()).containsEntry("x-daas-readable-name", "branch_code");
    assertThat(schema("Address").getTitle()).isNull();
    assertThat(schema("Address").getExtensions()).isNull();
  }

  @Test
  void describesObservedValuesAsAnExtensionNeverAsAnEnum() {
    Schema<?> branch = property("Order", "branch");

    assertThat(branch.getEnum()).isNull();
    assertThat(branch.getExtensions())
        .containsEntry(
            "x-daas-value-domain",
            Map.of("values", List.of("001", "002"), "closed", false, "sources", List.of("probe")));
  }

  @Test
  void aClosedDomainOfAnEnumTypeSaysSoBesideTheEnumLabels() {
    Schema<?> status = property("Customer", "status");

    assertThat(List.copyOf(status.getEnum())).isEqualTo(List.of("active", "dormant", "closed"));
    assertThat(status.getExtensions())
        .containsEntry(
            "x-daas-value-domain",
            Map.of(
                "values",
                List.of("active", "dormant", "closed"),
                "closed",
                true,
                "sources",
                List.of("catalog")));
  }

  @Test
  void marksPersonalDataAndOnlyThat() {
    assertThat(property("Customer", "name").getExtensions()).containsEntry("x-daas-pii", true);
    assertThat(property("Customer", "id").getExtensions()).isNull();
  }

  @Test
  void neverServesCandidateRelationships() {
    assertThat(schema("OrderLine").getProperties()).doesNotContainKey("article_ref");
    assertThat(schema("Customer").getProperties()).doesNotContainKey("lines");
    assertThat(new OpenApiGenerator().generateJson(TestingModels.annotated(), OPTIONS))
        .isEqualTo(
            new OpenApiGenerator()
                .generateJson(TestingModels.annotated().withCandidates(List.of()), OPTIONS));
  }

  private static Schema<?> schema(String name) {
    Schema<?> schema = ANNOTATED.getComponents().getSchemas().get(name);
    assertThat(schema).as("schema " + name).isNotNull();
    return schema;
  }

  private static Schema<?> property(String schemaName, String property) {
    Schema<?> schema = (Schema<?>) schema(schemaName).getProperties().get(property);
    assertThat(schema).as(schemaName + "." + property).isNotNull();
    return schema;
  }
}
