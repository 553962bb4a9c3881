package dev.daas.apigen;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** Reads generated documents back the way clients and SDK generators do. */
final class OpenApiParsing {
  private OpenApiParsing() {}

  /** Parses with references resolved and fails on any error or warning of the parser. */
  static OpenAPI parseCleanly(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    assertThat(result.getMessages()).as("parser messages").isEmpty();
    assertThat(result.getOpenAPI()).as("parsed document").isNotNull();
    return result.getOpenAPI();
  }
}
