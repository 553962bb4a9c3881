package dev.daas.it;

import static io.restassured.RestAssured.given;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A client of one server's HTTP APIs. Query strings are encoded here, not by rest-assured, so that
 * what is sent is exactly what a test wrote ({@code +} in an offset, a NUL byte, a quote).
 */
public final class DataApi {
  private static final RestAssuredConfig CONFIG =
      RestAssuredConfig.config()
          .jsonConfig(
              JsonConfig.jsonConfig()
                  .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

  private final String baseUri;
  private final String authorization;

  /** A client that sends the test servers' bootstrap admin key. */
  public DataApi(String baseUri) {
    this(baseUri, "Bearer " + ServerProcess.ADMIN_KEY);
  }

  /** A client that sends this {@code Authorization} header value, or none when it is null. */
  public DataApi(String baseUri, String authorization) {
    this.baseUri = requireNonNull(baseUri, "baseUri is null");
    this.authorization = authorization;
  }

  /** The same server with other credentials (null: none). */
  public DataApi as(String authorization) {
    return new DataApi(baseUri, authorization);
  }

  private io.restassured.specification.RequestSpecification request() {
    io.restassured.specification.RequestSpecification request =
        given().config(CONFIG).baseUri(baseUri);
    return authorization == null ? request : request.header("Authorization", authorization);
  }

  /** GET of a path whose query string is built from name/value pairs. */
  public Response get(String path, String... nameValuePairs) {
    return getRaw(path + query(nameValuePairs));
  }

  /** GET of a path and query sent as written: the caller encodes. */
  public Response getRaw(String pathAndQuery) {
    return request()
        .urlEncodingEnabled(false)
        .redirects()
        .follow(false)
        .when()
        .get(pathAndQuery)
        .andReturn();
  }

  public Response postJson(String path, String body) {
    return request().contentType("application/json").body(body).when().post(path).andReturn();
  }

  public Response putJson(String path, String body) {
    return request().contentType("application/json").body(body).when().put(path).andReturn();
  }

  public Response delete(String path) {
    return request().when().delete(path).andReturn();
  }

  /** Registers a source and asserts it was created. */
  public void register(String name, String url, String user, String password, String schema) {
    String body =
        "{\"name\":\""
            + name
            + "\",\"url\":\""
            + url
            + "\",\"user\":\""
            + user
            + "\""
            + (password == null ? "" : ",\"password\":\"" + password + "\"")
            + ",\"schemas\":[\""
            + schema
            + "\"]}";
    Response response = postJson("/admin/v1/sources", body);
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
    assertThat(response.jsonPath().getInt("modelVersion"))
        .as("the source is introspected at once: %s", response.asString())
        .isEqualTo(1);
  }

  /**
   * Every row of a listing, following {@code page.next} until it is null. Fails on a non-200 page
   * or after {@code maxPages} pages.
   */
  public List<Map<String, Object>> all(String path, int maxPages, String... nameValuePairs) {
    List<Map<String, Object>> rows = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < maxPages; page++) {
      List<String> parameters = new ArrayList<>(List.of(nameValuePairs));
      if (cursor != null) {
        parameters.add("cursor");
        parameters.add(cursor);
      }
      Response response = get(path, parameters.toArray(String[]::new));
      assertThat(response.statusCode()).as("page %d: %s", page, response.asString()).isEqualTo(200);
      rows.addAll(response.jsonPath().getList("data"));
      cursor = response.jsonPath().getString("page.next");
      if (cursor == null) {
        return rows;
      }
    }
    throw new AssertionError(
        "the listing of " + path + " did not end within " + maxPages + " pages");
  }

  /** Asserts an RFC 9457 problem document with this status and code, and returns it. */
  public static Response assertProblem(Response response, int status, String code) {
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.jsonPath().getString("code")).as(response.asString()).isEqualTo(code);
    assertThat(response.jsonPath().getString("type"))
        .isEqualTo("https://daas.dev/problems/" + code);
    assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
    assertThat(response.jsonPath().getString("title")).isNotBlank();
    assertThat(response.jsonPath().getString("detail")).isNotBlank();
    return response;
  }

  /** {@code ?a=1&b=2} with every name and value form-encoded; empty without pairs. */
  public static String query(String... nameValuePairs) {
    if (nameValuePairs.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      query
          .append(query.length() == 0 ? '?' : '&')
          .append(encode(nameValuePairs[i]))
          .append('=')
          .append(encode(nameValuePairs[i + 1]));
    }
    return query.toString();
  }

  /** Percent-encoding for a query value or a path segment: spaces become %20, never '+'. */
  public static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
