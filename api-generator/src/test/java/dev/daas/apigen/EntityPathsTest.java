package dev.daas.apigen;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityPathsTest {
  private static final ApiDocumentOptions OPTIONS =
      new ApiDocumentOptions("ERP data", "12", "http://127.0.0.1:8080/api/v1/legacy", 20, 500, 2);

  private static final OpenAPI ERP =
      OpenApiParsing.parseCleanly(
          new OpenApiGenerator().generateYaml(TestingModels.legacyErp(), OPTIONS));

  @Test
  void offersListForEveryEntityAndGetByKeyOnlyWithAnIdentifyingKey() {
    assertThat(ERP.getPaths().keySet())
        .containsExactly(
            "/address",
            "/address/{key}",
            "/customer",
            "/customer/{key}",
            "/customer_balance",
            "/employee",
            "/employee/{key}",
            "/order",
            "/order/{key}",
            "/order_line",
            "/order_line/{key}");
  }

  @Test
  void declaresBearerAuthenticationAndTheAnswersOfAccessControl() {
    assertThat(ERP.getComponents().getSecuritySchemes()).containsOnlyKeys("bearerAuth");
    assertThat(ERP.getComponents().getSecuritySchemes().get("bearerAuth").getScheme())
        .isEqualTo("bearer");
    assertThat(ERP.getSecurity())
        .singleElement()
        .satisfies(r -> assertThat(r).containsKey("bearerAuth"));
    Operation list = ERP.getPaths().get("/customer").getGet();
    assertThat(list.getResponses()).containsKeys("401", "403", "429");
    assertThat(ERP.getComponents().getResponses().get("RateLimited").getHeaders())
        .containsKey("Retry-After");
  }

  @Test
  void identifiesRowsByAUniqueKeyWithoutNullsWhenThereIsNoPrimaryKey() {
    OpenAPI types =
        OpenApiParsing.parseCleanly(
            new OpenApiGenerator().generateJson(TestingModels.everyType(), OPTIONS));

    assertThat(types.getPaths()).containsKeys("/code", "/code/{key}", "/note");
    assertThat(types.getPaths()).doesNotContainKey("/note/{key}");
    Parameter key = parameter(types.getPaths().get("/code/{key}").getGet(), "key");
    assertThat(key.getDescription()).contains("code (string)").contains("%2C");
    assertThat(key.getSchema().getMaxLength()).isEqualTo(8);
  }

  @Test
  void namesOperationsInCamelCaseAndTagsThemByEntity() {
    Operation list = ERP.getPaths().get("/order_line").getGet();
    Operation get = ERP.getPaths().get("/order_line/{key}").getGet();

    assertThat(list.getOperationId()).isEqualTo("listOrderLine");
    assertThat(get.getOperationId()).isEqualTo("getOrderLine");
    assertThat(list.getTags()).containsExactly("order_line");
    assertThat(get.getTags()).containsExactly("order_line");
    assertThat(ERP.getTags())
        .extracting(tag -> tag.getName())
        .containsExactly(
            "address", "customer", "customer_balance", "employee", "order", "order_line");
  }

  @Test
  void describesASingleKeyWithTheAttributesType() {
    Parameter key = parameter(ERP.getPaths().get("/customer/{key}").getGet(), "key");

    assertThat(key.getIn()).isEqualTo("path");
    assertThat(key.getRequired()).isTrue();
    assertThat(key.getSchema().getType()).isEqualTo("integer");
    assertThat(key.getSchema().getFormat()).isEqualTo("int64");
    assertThat(key.getDescription()).isEqualTo("The value of id (integer).");
  }

  @Test
  void describesACompositeKeyAsCommaSeparatedPartsInKeyOrder() {
    Parameter key = parameter(ERP.getPaths().get("/order_line/{key}").getGet(), "key");

    assertThat(key.getStyle()).isEqualTo(Parameter.StyleEnum.SIMPLE);
    assertThat(key.getExplode()).isFalse();
    assertThat(key.getSchema().getType()).isEqualTo("array");
    assertThat(key.getSchema().getMinItems()).isEqualTo(3);
    assertThat(key.getSchema().getMaxItems()).isEqualTo(3);
    // mixed part types travel as strings; each part's type is in the description
    assertThat(key.getSchema().getItems().getType()).isEqualTo("string");
    assertThat(key.getDescription())
        .contains("1. branch (string), 2. number (integer), 3. line (integer)")
        .contains("%2C");
  }

  @Test
  void offersTheQueryParametersOfTheContract() {
    Operation list = ERP.getPaths().get("/customer").getGet();

    assertThat(list.getParameters())
        .extracting(Parameter::getName)
        .containsExactly("filter", "sort", "limit", "cursor", "fields", "embed");
    assertThat(list.getParameters()).allMatch(p -> "query".equals(p.getIn()));
    Operation get = ERP.getPaths().get("/customer/{key}").getGet();
    assertThat(get.getParameters())
        .extracting(Parameter::getName)
        .containsExactly("key", "fields", "embed");
  }

  @Test
  void boundsTheLimitAsConfigured() {
    Schema<?> limit = parameter(ERP.getPaths().get("/order").getGet(), "limit").getSchema();

    assertThat(limit.getType()).isEqualTo("integer");
    assertThat(limit.getMinimum()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(limit.getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(500));
    assertThat(limit.getDefault()).isEqualTo(20);
  }

  @Test
  void listsFilterableAndSortableFieldsOfTheEntity() {
    OpenAPI types =
        OpenApiParsing.parseCleanly(
            new OpenApiGenerator().generateJson(TestingModels.everyType(), OPTIONS));
    Operation list = types.getPaths().get("/sample").getGet();

    assertThat(parameter(list, "filter").getDescription())
        .contains("field [NOT] LIKE string")
        .contains("`IS NULL` and `IS NOT NULL` work on every field")
        .contains("`string_req`")
        .contains("`uuid_opt`")
        .contains("`LIKE` applies to its string fields: `string_req`, `string_opt`.")
        .doesNotContain("`binary_req`")
        .doesNotContain("`json_opt`")
        .doesNotContain("`other_req`")
        .doesNotContain("`other_opt`");
    assertThat(parameter(list, "sort").getDescription())
        .contains("`date_req`, `-date_req`")
        .doesNotContain("binary_req")
        .doesNotContain("json_req")
        .doesNotContain("other_req");
  }

  @Test
  void saysNullsSortAsGreaterThanEveryValueInBothDirections() {
    assertThat(parameter(ERP.getPaths().get("/order").getGet(), "sort").getDescription())
        .contains("Nulls sort as greater than every value (last ascending, first descending)");
  }

  @Test
  void listsATableWithABinaryPrimaryKeyWithoutGetByKey() {
    OpenAPI types =
        OpenApiParsing.parseCleanly(
            new OpenApiGenerator().generateJson(TestingModels.everyType(), OPTIONS));
    Operation list = types.getPaths().get("/blob").getGet();

    assertThat(types.getPaths()).containsKey("/blob").doesNotContainKey("/blob/{key}");
    assertThat(Descriptions.keyText(TestingModels.everyType().entity("blob").orElseThrow()))
        .isEqualTo(
            "Primary key: pk_blobs (hash). It has a field without order (binary, json or other),"
                + " so it cannot address rows: rows can be listed, not fetched by key.");
    assertThat(parameter(list, "sort").getDescription())
        .contains("Allowed values: `name`, `-name`.")
        .contains("the remaining sortable fields are appended")
        .doesNotContain("hash");
    assertThat(parameter(list, "filter").getDescription())
        .contains("can be compared (`=`, `!=`, `<`, `<=`, `>`, `>=`, `IN`): `name`;");
  }

  @Test
  void tellsThatAnEntityWithoutSortableFieldsHasASinglePage() {
    OpenAPI types =
        OpenApiParsing.parseCleanly(
            new OpenApiGenerator().generateJson(TestingModels.everyType(), OPTIONS));
    Operation list = types.getPaths().get("/document").getGet();

    assertThat(parameter(list, "sort").getDescription())
        .contains("Allowed values: none.")
        .contains("a listing has a single page");
    assertThat(parameter(list, "filter").getDescription())
        .contains("can be compared (`=`, `!=`, `<`, `<=`, `>`, `>=`, `IN`): none;")
        .contains("`IS NULL` and `IS NOT NULL` work on every field");
    assertThat(parameter(list, "filter").getExample()).isEqualTo("body IS NOT NULL");
  }

  @Test
  void namesEmbeddableRelationshipsAndTheDepthLimit() {
    String embed = parameter(ERP.getPaths().get("/order").getGet(), "embed").getDescription();

    assertThat(embed)
        .contains("at most 2 levels deep")
        .contains("`billing_address` (one address row or null)")
        .contains("`customer` (one customer row or null)")
        .contains("`lines` (list of order_line rows)")
        .contains("`shipping_address` (one address row or null)");
    assertThat(parameter(ERP.getPaths().get("/order_line").getGet(), "embed").getDescription())
        .contains("`order` (one order row or null)")
        .doesNotContain("`lines`");
  }

  @Test
  void answersRowsAsJsonAndErrorsAsProblems() {
    Operation list = ERP.getPaths().get("/order").getGet();
    Operation get = ERP.getPaths().get("/order/{key}").getGet();

    assertThat(list.getResponses())
        .containsOnlyKeys("200", "400", "401", "403", "404", "429", "503", "504");
    assertThat(get.getResponses())
        .containsOnlyKeys("200", "400", "401", "403", "404", "429", "503", "504");
    assertThat(list.getResponses().get("200").getContent().get("application/json").getSchema())
        .extracting(Schema::get$ref)
        .isEqualTo("#/components/schemas/OrderPage");
    assertThat(get.getResponses().get("200").getContent().get("application/json").getSchema())
        .extracting(Schema::get$ref)
        .isEqualTo("#/components/schemas/Order");
    for (String name : List.of("BadRequest", "NotFound", "SourceUnavailable", "QueryTimeout")) {
      ApiResponse response = ERP.getComponents().getResponses().get(name);
      assertThat(response.getContent()).containsOnlyKeys("application/problem+json");
      assertThat(response.getContent().get("application/problem+json").getSchema().get$ref())
          .isEqualTo("#/components/schemas/Problem");
    }
    assertThat(ERP.getComponents().getResponses().get("SourceUnavailable").getHeaders())
        .containsKey("Retry-After");
  }

  @Test
  void carriesTitleVersionAndServerFromTheOptions() {
    assertThat(ERP.getInfo().getTitle()).isEqualTo("ERP data");
    assertThat(ERP.getInfo().getVersion()).isEqualTo("12");
    assertThat(ERP.getInfo().getDescription()).contains("`legacy`").contains("PostgreSQL 15.19");
    assertThat(ERP.getServers())
        .extracting(server -> server.getUrl())
        .containsExactly("http://127.0.0.1:8080/api/v1/legacy");
  }

  @Test
  void describesAnEmptyModelWithSharedComponentsOnly() {
    OpenAPI empty =
        OpenApiParsing.parseCleanly(
            new OpenApiGenerator().generateJson(TestingModels.empty(), OPTIONS));

    assertThat(empty.getPaths()).isEmpty();
    assertThat(empty.getTags()).isNull();
    assertThat(empty.getComponents().getSchemas()).containsOnlyKeys("Page", "Problem");
  }

  private static Parameter parameter(Operation operation, String name) {
    return operation.getParameters().stream()
        .filter(p -> name.equals(p.getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no parameter " + name));
  }
}
