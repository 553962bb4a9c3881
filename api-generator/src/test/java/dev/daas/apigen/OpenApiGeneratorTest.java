package dev.daas.apigen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daas.model.DataModel;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiGeneratorTest {
  private static final ApiDocumentOptions OPTIONS =
      ApiDocumentOptions.forSource("awkward", "1", "/api/v1/awkward");
  private final OpenApiGenerator generator = new OpenApiGenerator();

  @Test
  void givesCollidingNamesDistinctSchemaNamesAndOperationIds() {
    OpenAPI document =
        OpenApiParsing.parseCleanly(generator.generateJson(TestingModels.awkwardNames(), OPTIONS));

    assertThat(document.getComponents().getSchemas().keySet())
        .containsExactlyInAnyOrder(
            "Page",
            "Problem",
            "E9lives",
            "Customer",
            "Customer2",
            "CustomerPage",
            "MyTable",
            "Page2",
            "Problem2",
            "E9livesPage",
            "CustomerPage2",
            "Customer2Page",
            "CustomerPagePage",
            "MyTablePage",
            "Page2Page",
            "Problem2Page");
    assertThat(document.getPaths().get("/customer").getGet().getOperationId())
        .isEqualTo("listCustomer2");
    // the entity customer_page keeps CustomerPage; the page of Customer_ gives way
    assertThat(okSchemaRef(document, "/customer_page/{key}")).endsWith("/CustomerPage");
    assertThat(okSchemaRef(document, "/Customer_")).endsWith("/CustomerPage2");
    assertThat(okSchemaRef(document, "/page")).endsWith("/Page2Page");
    assertThat(document.getPaths().get("/my%20table/{key}").getGet().getOperationId())
        .isEqualTo("getMyTable");
  }

  private static String okSchemaRef(OpenAPI document, String path) {
    return document
        .getPaths()
        .get(path)
        .getGet()
        .getResponses()
        .get("200")
        .getContent()
        .get("application/json")
        .getSchema()
        .get$ref();
  }

  @Test
  void producesTheSameDocumentFromJsonAndYaml() {
    OpenAPI document = generator.generate(TestingModels.legacyErp(), OPTIONS);

    OpenAPI fromJson = OpenApiParsing.parseCleanly(OpenApiGenerator.toJson(document));
    OpenAPI fromYaml = OpenApiParsing.parseCleanly(OpenApiGenerator.toYaml(document));

    assertThat(fromYaml).isEqualTo(fromJson);
  }

  @Test
  void writesTheDocumentOnceItIsBuilt() {
    OpenAPI document = generator.generate(TestingModels.legacyErp(), OPTIONS);

    assertThat(OpenApiGenerator.toJson(document))
        .startsWith("{")
        .contains("\"openapi\" : \"3.0.3\"")
        .isEqualTo(generator.generateJson(TestingModels.legacyErp(), OPTIONS));
    assertThat(OpenApiGenerator.toYaml(document)).startsWith("openapi: 3.0.3");
  }

  @Test
  void rejectsAModelThatListsAnEntityTwice() {
    DataModel erp = TestingModels.legacyErp();
    DataModel broken =
        new DataModel(
            erp.formatVersion(),
            erp.source(),
            erp.databaseProduct(),
            List.of(erp.entities().get(0), erp.entities().get(0)),
            List.of(),
            List.of());

    assertThatThrownBy(() -> generator.generate(broken, OPTIONS))
        .isInstanceOf(DaasException.class)
        .hasMessageContaining("entity address twice")
        .extracting(e -> ((DaasException) e).code())
        .isEqualTo(ErrorCode.INTERNAL);
  }

  @Test
  void rejectsLimitsOutOfOrder() {
    assertThatThrownBy(() -> new ApiDocumentOptions("t", "1", "/api", 100, 50, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("100 and 50");
    assertThatThrownBy(() -> new ApiDocumentOptions("t", "1", "/api", 0, 50, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ApiDocumentOptions("t", "1", "/api", 10, 50, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxEmbedDepth");
  }

  @Test
  void defaultsToTheContractsLimits() {
    ApiDocumentOptions options = ApiDocumentOptions.forSource("legacy", "4", "/api/v1/legacy");

    assertThat(options.title()).isEqualTo("DaaS data API: legacy");
    assertThat(options.defaultLimit()).isEqualTo(50);
    assertThat(options.maxLimit()).isEqualTo(1000);
    assertThat(options.maxEmbedDepth()).isEqualTo(3);
  }

  @Test
  void theValidityCheckCatchesWhatItGuardsAgainst() {
    // guards the guard: the parser does report bad names and dangling references
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    String broken =
        "openapi: 3.0.3\n"
            + "info: {title: x, version: '1'}\n"
            + "paths: {/a: {get: {responses: {'200': {description: ok, content:"
            + " {application/json: {schema: {$ref: '#/components/schemas/Missing'}}}}}}}}\n"
            + "components: {schemas: {'bad name': {type: object}}}\n";

    assertThat(new OpenAPIV3Parser().readContents(broken, null, options).getMessages()).hasSize(2);
  }
}
