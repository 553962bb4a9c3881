package dev.daas.apigen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.DataModel;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenApiDocumentValidityTest {
  private static final ApiDocumentOptions OPTIONS =
      ApiDocumentOptions.forSource("legacy", "7", "http://localhost:8080/api/v1/legacy");
  private final OpenApiGenerator generator = new OpenApiGenerator();

  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of("legacy ERP", TestingModels.legacyErp()),
        Arguments.of("annotated ERP", TestingModels.annotated()),
        Arguments.of("every type", TestingModels.everyType()),
        Arguments.of("awkward names", TestingModels.awkwardNames()),
        Arguments.of("empty", TestingModels.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void jsonParsesWithoutAnyMessage(String label, DataModel model) {
    OpenAPI parsed = OpenApiParsing.parseCleanly(generator.generateJson(model, OPTIONS));

    assertThat(parsed.getOpenapi()).isEqualTo("3.0.3");
    assertThat(parsed.getComponents().getSchemas()).containsKeys("Page", "Problem");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void yamlParsesWithoutAnyMessage(String label, DataModel model) {
    OpenAPI parsed = OpenApiParsing.parseCleanly(generator.generateYaml(model, OPTIONS));

    assertThat(parsed.getOpenapi()).isEqualTo("3.0.3");
    assertThat(parsed.getPaths()).hasSize(pathCount(model));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void sameModelGivesByteIdenticalDocuments(String label, DataModel model) {
    String json = generator.generateJson(model, OPTIONS);
    String yaml = generator.generateYaml(model, OPTIONS);
    DataModel copy =
        new DataModel(
            model.formatVersion(),
            model.source(),
            model.databaseProduct(),
            model.entities(),
            model.relationships(),
            model.candidates());

    assertThat(new OpenApiGenerator().generateJson(copy, OPTIONS)).isEqualTo(json);
    assertThat(new OpenApiGenerator().generateYaml(copy, OPTIONS)).isEqualTo(yaml);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void componentNamesAndOperationIdsAreValidAndUnique(String label, DataModel model) {
    OpenAPI parsed = OpenApiParsing.parseCleanly(generator.generateJson(model, OPTIONS));

    assertThat(parsed.getComponents().getSchemas().keySet())
        .allMatch(name -> name.matches("^[a-zA-Z0-9._-]+$"));
    assertThat(parsed.getComponents().getSchemas().keySet().stream().map(String::toLowerCase))
        .doesNotHaveDuplicates();
    Stream<String> operationIds =
        parsed.getPaths().values().stream().map(item -> item.getGet().getOperationId());
    assertThat(operationIds.toList())
        .doesNotHaveDuplicates()
        .allMatch(id -> id.matches("^(list|get)[A-Z][A-Za-z0-9]*$"));
  }

  private static int pathCount(DataModel model) {
    return model.entities().stream()
        .mapToInt(entity -> entity.identifyingKey().isPresent() ? 2 : 1)
        .sum();
  }
}
