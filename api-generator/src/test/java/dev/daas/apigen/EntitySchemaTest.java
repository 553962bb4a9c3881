package dev.daas.apigen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.DataType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntitySchemaTest {
  private static final ApiDocumentOptions OPTIONS =
      ApiDocumentOptions.forSource("legacy", "3", "https://daas.example.org/api/v1/legacy");

  private static final OpenAPI TYPES =
      OpenApiParsing.parseCleanly(
          new OpenApiGenerator().generateYaml(TestingModels.everyType(), OPTIONS));
  private static final OpenAPI ERP =
      OpenApiParsing.parseCleanly(
          new OpenApiGenerator().generateJson(TestingModels.legacyErp(), OPTIONS));

  @ParameterizedTest(name = "{0} is {1}/{2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "STRING, string, -",
        "INTEGER, integer, int64",
        "DECIMAL, number, decimal",
        "FLOAT, number, double",
        "BOOLEAN, boolean, -",
        "DATE, string, date",
        "TIME, string, time",
        "TIMESTAMP, string, -",
        "TIMESTAMP_TZ, string, date-time",
        "BINARY, string, byte",
        "JSON, -, -",
        "UUID, string, uuid",
        "ENUM, string, -",
        "OTHER, string, -"
      })
  void mapsEveryDataTypeToItsOpenApiTypeAndFormat(
      DataType type, String openApiType, String format) {
    String name = type.name().toLowerCase(Locale.ROOT);
    for (String suffix : List.of("_req", "_opt")) {
      Schema<?> property = property(TYPES, "Sample", name + suffix);
      assertThat(property.getType()).as(name + suffix + " type").isEqualTo(openApiType);
      assertThat(property.getFormat()).as(name + suffix + " format").isEqualTo(format);
    }
  }

  @Test
  void marksNullableAttributesNullableAndOnlyThose() {
    for (DataType type : DataType.values()) {
      String name = type.name().toLowerCase(Locale.ROOT);
      assertThat(property(TYPES, "Sample", name + "_opt").getNullable()).as(name).isTrue();
      assertThat(property(TYPES, "Sample", name + "_req").getNullable()).as(name).isNull();
    }
  }

  @Test
  void requiresExactlyTheNonNullableAttributesInColumnOrder() {
    List<String> expected = new ArrayList<>(List.of("id"));
    for (DataType type : DataType.values()) {
      expected.add(type.name().toLowerCase(Locale.ROOT) + "_req");
    }

    assertThat(schema(TYPES, "Sample").getRequired()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(schema(ERP, "Order").getRequired())
        .containsExactlyInAnyOrder("branch", "number", "total");
    assertThat(schema(ERP, "CustomerBalance").getRequired()).isNull();
  }

  @Test
  void listsEnumLabelsInModelOrder() {
    assertThat(enumLabels(property(TYPES, "Sample", "enum_opt")))
        .containsExactly("red", "green", "blue");
    assertThat(enumLabels(property(ERP, "Customer", "status")))
        .containsExactly("active", "dormant", "closed");
  }

  @Test
  void carriesLengthsPatternsAndTypeNotes() {
    assertThat(property(TYPES, "Sample", "string_req").getMaxLength()).isEqualTo(12);
    assertThat(property(TYPES, "Sample", "string_opt").getMaxLength()).isNull();
    assertThat(property(TYPES, "Sample", "time_req").getPattern())
        .isEqualTo(AttributeSchemas.TIME_PATTERN);
    assertThat("13:45:00").matches(AttributeSchemas.TIME_PATTERN);
    assertThat(property(TYPES, "Sample", "decimal_req").getDescription())
        .contains("numeric(38,10)")
        .contains("every digit is served as stored");
    assertThat(property(TYPES, "Sample", "timestamp_req").getDescription())
        .contains("local, no offset");
    assertThat(property(TYPES, "Sample", "timestamp_tz_req").getDescription())
        .contains("with offset");
  }

  @Test
  void describesEachAttributeWithItsColumnTableNativeTypeAndComment() {
    assertThat(property(ERP, "Customer", "name").getDescription())
        .isEqualTo(
            "Column C_NM of public.T_CUST, varchar(40). From: catalog. Comment: Customer name.");
    assertThat(property(ERP, "Customer", "created").getDescription())
        .startsWith("Column C_CRT of public.T_CUST, timestamp. From: catalog.")
        .contains("Database default: now().");
  }

  @Test
  void marksGeneratedColumnsReadOnly() {
    assertThat(property(ERP, "Customer", "id").getReadOnly()).isTrue();
    assertThat(property(ERP, "Customer", "name").getReadOnly()).isNull();
  }

  @Test
  void describesEntitiesWithTableKindCommentKeyAndEvidence() {
    assertThat(schema(ERP, "Order").getDescription())
        .isEqualTo(
            "Table public.T_ORD (table). Comment: Orders; the key is the branch and a number per"
                + " branch. Primary key: pk_t_ord (branch, number). Evidence: catalog: table"
                + " public.T_ORD.");
    assertThat(schema(ERP, "CustomerBalance").getDescription())
        .startsWith("View public.V_CUST_BAL (view).")
        .contains("No primary key");
  }

  @Test
  void embedsToOneRelationshipsAsNullableReferences() {
    Schema<?> customer = property(ERP, "Order", "customer");

    assertThat(customer.getNullable()).isTrue();
    assertThat(customer.getAllOf()).hasSize(1);
    assertThat(customer.getAllOf().get(0).get$ref()).isEqualTo("#/components/schemas/Customer");
    assertThat(customer.getDescription())
        .contains("Declared relationship fk_ord_cust (many-to-one), confidence 1.00")
        .contains("Evidence: catalog: foreign key fk_ord_cust");
    assertThat(schema(ERP, "Order").getRequired()).doesNotContain("customer");
  }

  @Test
  void embedsToManyRelationshipsAsArraysOfTheReferencingEntity() {
    Schema<?> lines = property(ERP, "Order", "lines");

    assertThat(lines.getType()).isEqualTo("array");
    assertThat(lines.getItems().get$ref()).isEqualTo("#/components/schemas/OrderLine");
    assertThat(lines.getDescription())
        .contains("joined on (branch, number) = order_line(branch, number)")
        .contains("one-to-many");
  }

  @Test
  void keepsTwoRelationshipsBetweenTheSameEntitiesApart() {
    assertThat(properties(ERP, "Order"))
        .containsKeys("billing_address", "shipping_address")
        .doesNotContainKey("address");
    assertThat(properties(ERP, "Address")).containsKeys("billed_orders", "shipped_orders");
    assertThat(property(ERP, "Address", "shipped_orders").getDescription())
        .contains("order(shipping_address_id)");
  }

  @Test
  void embedsBothSidesOfASelfReference() {
    assertThat(property(ERP, "Employee", "manager").getAllOf().get(0).get$ref())
        .isEqualTo("#/components/schemas/Employee");
    assertThat(property(ERP, "Employee", "reports").getItems().get$ref())
        .isEqualTo("#/components/schemas/Employee");
    assertThat(property(ERP, "Employee", "reports").getDescription())
        .contains("Inferred relationship (one-to-many), confidence 0.85")
        .contains("probe: JOIN T_EMP m ON e.MGR_ID = m.EMP_ID (seen 42 times)");
  }

  @Test
  void wrapsEachEntityInAPageSchema() {
    Schema<?> page = schema(ERP, "OrderPage");

    assertThat(page.getRequired()).containsExactlyInAnyOrder("data", "page");
    assertThat(((Schema<?>) page.getProperties().get("data")).getItems().get$ref())
        .isEqualTo("#/components/schemas/Order");
    assertThat(((Schema<?>) page.getProperties().get("page")).get$ref())
        .isEqualTo("#/components/schemas/Page");
    assertThat(((Schema<?>) schema(ERP, "Page").getProperties().get("limit")).getMaximum())
        .isEqualByComparingTo(BigDecimal.valueOf(1000));
  }

  @Test
  void describesProblemsWithEveryErrorCode() {
    Schema<?> problem = schema(ERP, "Problem");

    assertThat(problem.getRequired()).contains("type", "title", "status", "code");
    assertThat(enumLabels((Schema<?>) problem.getProperties().get("code")))
        .contains("malformed-filter", "bad-key", "source-unavailable", "query-timeout");
  }

  @Test
  void skipsEmbedsThatClashOrPointToMissingEntities() {
    OpenAPI awkward =
        OpenApiParsing.parseCleanly(
            new OpenApiGenerator().generateJson(TestingModels.awkwardNames(), OPTIONS));

    // "id" stays the attribute; "ghost" has no entity; the second "customers" clashes
    assertThat(property(awkward, "Customer2", "id").getType()).isEqualTo("integer");
    assertThat(properties(awkward, "Page2")).containsOnlyKeys("id", "customers");
    assertThat(property(awkward, "Page2", "customers").getItems().get$ref())
        .isEqualTo("#/components/schemas/Customer2");
    assertThat(properties(awkward, "Problem2")).containsOnlyKeys("id", "page");
  }

  private static List<Object> enumLabels(Schema<?> schema) {
    return schema.getEnum() == null ? null : new ArrayList<>(schema.getEnum());
  }

  private static Schema<?> schema(OpenAPI document, String name) {
    Schema<?> schema = document.getComponents().getSchemas().get(name);
    assertThat(schema).as("schema " + name).isNotNull();
    return schema;
  }

  @SuppressWarnings("rawtypes")
  private static Map<String, Schema> properties(OpenAPI document, String schemaName) {
    return schema(document, schemaName).getProperties();
  }

  private static Schema<?> property(OpenAPI document, String schemaName, String property) {
    Schema<?> schema = properties(document, schemaName).get(property);
    assertThat(schema).as(schemaName + "." + property).isNotNull();
    return schema;
  }
}
