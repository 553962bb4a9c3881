package dev.daas.it;

import static org.assertj.core.api.Assertions.assertThat;

import groovy.json.JsonOutput;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Part of {@link LegacyDataApiConformance}: hostile text in every parameter of the admin API (path
 * names, query parameters, JSON members) is refused with a problem document or stored exactly as
 * sent, never a 500, never slowly, and leaves the source, its model and its policies as they were.
 */
interface AdminInjectionConformance {
  String ADMIN = "/admin/v1";
  String SOURCE_PATH = ADMIN + "/sources/" + LegacyDataApiConformance.SOURCE;
  long SLOW_MILLIS = 3000;

  DataApi api();

  LegacyDatabase database();

  @Test
  default void hostilePathNamesAndQueryParametersAreRefused() {
    Response before = api().get(SOURCE_PATH + "/model/versions");
    List<String> failures = new ArrayList<>();
    for (String payload : InjectionCorpus.PAYLOADS) {
      String name = DataApi.encode(payload);
      for (String path :
          List.of(
              "/sources/" + name,
              "/sources/" + name + "/model",
              "/sources/" + name + "/policies",
              "/sources/" + name + "/curation",
              "/sources/" + name + "/cdc",
              "/sources/" + name + "/probe",
              SOURCE_PATH.substring(ADMIN.length()) + "/policies/" + name)) {
        refused(failures, "GET " + path, () -> api().getRaw(ADMIN + path));
      }
      for (String parameter : List.of("version")) {
        refused(
            failures,
            "model?" + parameter,
            () -> api().getRaw(SOURCE_PATH + "/model?" + parameter + "=" + name));
      }
      refused(
          failures,
          "diff from",
          () -> api().getRaw(SOURCE_PATH + "/model/diff?from=" + name + "&to=1"));
      refused(
          failures, "diff to", () -> api().getRaw(SOURCE_PATH + "/model/diff?from=1&to=" + name));
      refused(failures, "audit limit", () -> api().getRaw(ADMIN + "/audit?limit=" + name));
      answered(
          failures,
          "audit source and caller",
          () -> api().getRaw(ADMIN + "/audit?limit=5&source=" + name + "&caller=" + name),
          200);
      refused(failures, "revoke key", () -> api().delete(ADMIN + "/keys/" + name));
      refused(
          failures, "rotate key", () -> api().postJson(ADMIN + "/keys/" + name + "/rotate", ""));
      refused(failures, "delete source", () -> api().delete(ADMIN + "/sources/" + name));
    }
    assertThat(failures).as("requests that failed the server or took too long").isEmpty();
    assertThat(api().get(SOURCE_PATH + "/model/versions").asString()).isEqualTo(before.asString());
    assertThat(database().rowCountsNow()).isEqualTo(LegacyDatabase.ROW_COUNTS);
  }

  @Test
  default void hostileJsonMembersAreRefusedOrKeptExactlyAsSent() {
    String policiesBefore = api().get(SOURCE_PATH + "/policies").asString();
    List<String> failures = new ArrayList<>();
    for (String payload : InjectionCorpus.PAYLOADS) {
      refused(
          failures,
          "policy entity",
          () -> api().putJson(SOURCE_PATH + "/policies/hostile", grant(payload, "c_nm")));
      refused(
          failures,
          "policy field",
          () -> api().putJson(SOURCE_PATH + "/policies/hostile", grant("t_cust", payload)));
      refused(
          failures,
          "policy row filter",
          () ->
              api()
                  .putJson(
                      SOURCE_PATH + "/policies/hostile",
                      json(
                          Map.of(
                              "grants",
                              List.of(
                                  Map.of(
                                      "entity",
                                      "t_cust",
                                      "operations",
                                      List.of("read"),
                                      "rowFilter",
                                      payload))))));
      refused(
          failures,
          "cdc settings",
          () -> api().postJson(SOURCE_PATH + "/cdc", json(Map.of("enabled", payload))));
      refused(
          failures,
          "probe settings",
          () -> api().postJson(SOURCE_PATH + "/probe", json(Map.of("valueSampling", payload))));
      refused(
          failures,
          "unknown member",
          () -> api().postJson(ADMIN + "/keys", json(Map.of("name", "k", payload, "x"))));

      // a key's name is free text: stored and listed exactly as sent, then revoked
      Response created =
          api()
              .postJson(ADMIN + "/keys", json(Map.of("name", payload, "roles", List.of("reader"))));
      if (created.statusCode() == 201) {
        String id = created.jsonPath().getString("id");
        List<Map<String, Object>> keys = api().get(ADMIN + "/keys").jsonPath().getList("$");
        assertThat(keys)
            .filteredOn(k -> id.equals(k.get("id")))
            .extracting(k -> k.get("name"))
            .containsExactly(payload);
        assertThat(api().delete(ADMIN + "/keys/" + id).statusCode()).isEqualTo(200);
      } else {
        refused(failures, "key name", () -> created);
      }
    }
    assertThat(failures).as("requests that failed the server or took too long").isEmpty();
    assertThat(api().get(SOURCE_PATH + "/policies").asString()).isEqualTo(policiesBefore);
    assertThat(database().rowCountsNow()).isEqualTo(LegacyDatabase.ROW_COUNTS);
  }

  private static String grant(String entity, String field) {
    return json(
        Map.of(
            "grants",
            List.of(
                Map.of(
                    "entity",
                    entity,
                    "operations",
                    List.of("read"),
                    "columns",
                    Map.of("mode", "deny", "fields", List.of(field))))));
  }

  private static String json(Object value) {
    return JsonOutput.toJson(value);
  }

  private static void refused(List<String> failures, String what, Supplier<Response> request) {
    answered(failures, what, request, 0);
  }

  /** Answered with {@code okStatus} (0: none), or refused with a problem document; quickly. */
  private static void answered(
      List<String> failures, String what, Supplier<Response> request, int okStatus) {
    long started = System.nanoTime();
    Response response = request.get();
    long millis = (System.nanoTime() - started) / 1_000_000;
    int status = response.statusCode();
    String body = response.asString();
    String shortBody = body.length() > 300 ? body.substring(0, 300) + "..." : body;
    if (millis > SLOW_MILLIS) {
      failures.add(what + ": took " + millis + " ms: " + shortBody);
    }
    if (status == okStatus) {
      return;
    }
    if (status < 400 || status >= 500) {
      failures.add(what + ": status " + status + ": " + shortBody);
    } else if (!String.valueOf(response.contentType()).startsWith("application/problem+json")
        && status != 413
        && status != 414
        && status != 431) {
      failures.add(what + ": status " + status + " without a problem document: " + shortBody);
    }
  }
}
