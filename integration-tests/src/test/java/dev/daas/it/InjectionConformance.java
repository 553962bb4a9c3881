package dev.daas.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Part of {@link LegacyDataApiConformance}: hostile text in every parameter answers 4xx or an empty
 * result, never a 500, never slowly, and leaves every fixture table with its rows.
 */
interface InjectionConformance {
  String BASE = "/api/v1/" + LegacyDataApiConformance.SOURCE;
  long SLOW_MILLIS = 3000;

  DataApi api();

  LegacyDatabase database();

  @Test
  default void hostileFilterValuesMatchNothingAndChangeNothing() {
    List<String> failures = new ArrayList<>();
    for (String payload : InjectionCorpus.PAYLOADS) {
      String literal = InjectionCorpus.quoted(payload);
      expectEmptyOrRefused(
          failures, "c_nm = " + literal, () -> list("t_cust", "filter", "c_nm = " + literal));
      expectEmptyOrRefused(
          failures, "notes LIKE", () -> list("t_cust", "filter", "notes LIKE " + literal));
      expectEmptyOrRefused(
          failures, "c_nm IN", () -> list("t_cust", "filter", "c_nm IN ('x', " + literal + ")"));
      expectEmptyOrRefused(
          failures,
          "prd_nm =",
          () -> list("t_prd", "filter", "prd_nm != 'x' AND prd_nm = " + literal));
      expectRefused(failures, "raw filter", () -> list("t_cust", "filter", payload));
      expectEmptyOrRefused(
          failures, "c_stat = raw", () -> list("t_cust", "filter", "c_stat = " + payload));
    }
    assertThat(failures).as("requests that failed the server or took too long").isEmpty();
    assertThat(database().rowCountsNow()).isEqualTo(LegacyDatabase.ROW_COUNTS);
  }

  @Test
  default void hostileSortFieldsEmbedsLimitsAndCursorsAreRefused() {
    List<String> failures = new ArrayList<>();
    for (String payload : InjectionCorpus.PAYLOADS) {
      for (String parameter : List.of("sort", "fields", "embed", "limit", "cursor")) {
        expectRefused(failures, parameter, () -> list("t_cust", parameter, payload));
      }
      expectRefused(failures, "parameter name", () -> list("t_cust", payload, "1"));
      expectRefused(failures, "entity", () -> api().getRaw(BASE + "/" + DataApi.encode(payload)));
      expectRefused(
          failures, "source", () -> api().getRaw("/api/v1/" + DataApi.encode(payload) + "/t_cust"));
    }
    assertThat(failures).as("requests that failed the server or took too long").isEmpty();
    assertThat(database().rowCountsNow()).isEqualTo(LegacyDatabase.ROW_COUNTS);
  }

  @Test
  default void hostileKeysAreNotFoundOrRefused() {
    List<String> failures = new ArrayList<>();
    for (String payload : InjectionCorpus.PAYLOADS) {
      String key = DataApi.encode(payload);
      expectRefused(failures, "string key", () -> api().getRaw(BASE + "/t_prd/" + key));
      expectRefused(failures, "integer key", () -> api().getRaw(BASE + "/t_cust/" + key));
      expectRefused(
          failures, "composite key", () -> api().getRaw(BASE + "/t_ord_ln/100001," + key));
      expectRefused(
          failures, "composite key first", () -> api().getRaw(BASE + "/t_ord_ln/" + key + ",1"));
      expectRefused(
          failures, "huge key", () -> api().getRaw(BASE + "/t_prd/" + InjectionCorpus.HUGE));
    }
    assertThat(failures).as("requests that failed the server or took too long").isEmpty();
    assertThat(database().rowCountsNow()).isEqualTo(LegacyDatabase.ROW_COUNTS);
  }

  /** A cursor with a valid checksum whose values an attacker chose is bound like any value. */
  @Test
  default void forgedCursorsCarryingHostileValuesAreBoundAsValues() {
    List<String> failures = new ArrayList<>();
    for (String payload : InjectionCorpus.PAYLOADS) {
      String onProducts = InjectionCorpus.forgedCursor("t_prd", "prd_cd", payload);
      expectAnswered(failures, "forged t_prd cursor", () -> list("t_prd", "cursor", onProducts));
      String onCustomers = InjectionCorpus.forgedCursor("t_cust", "c_nm,cust_id", payload, 1L);
      expectAnswered(
          failures,
          "forged t_cust cursor",
          () -> list("t_cust", "sort", "c_nm", "cursor", onCustomers));
      String wrongType = InjectionCorpus.forgedCursor("t_cust", "cust_id", payload);
      expectRefused(failures, "cursor of wrong type", () -> list("t_cust", "cursor", wrongType));
    }
    String beyondEveryName = InjectionCorpus.forgedCursor("t_prd", "prd_cd", "zzz");
    Response end = list("t_prd", "cursor", beyondEveryName);
    assertThat(end.statusCode()).as(end.asString()).isEqualTo(200);
    assertThat(end.jsonPath().getList("data")).isEmpty();
    assertThat(failures).as("requests that failed the server or took too long").isEmpty();
    assertThat(database().rowCountsNow()).isEqualTo(LegacyDatabase.ROW_COUNTS);
  }

  private Response list(String entity, String... nameValuePairs) {
    return api().get(BASE + "/" + entity, nameValuePairs);
  }

  private static void expectEmptyOrRefused(
      List<String> failures, String what, Supplier<Response> request) {
    check(failures, what, request, true, false);
  }

  private static void expectRefused(
      List<String> failures, String what, Supplier<Response> request) {
    check(failures, what, request, false, false);
  }

  private static void expectAnswered(
      List<String> failures, String what, Supplier<Response> request) {
    check(failures, what, request, true, true);
  }

  private static void check(
      List<String> failures,
      String what,
      Supplier<Response> request,
      boolean okAllowed,
      boolean rowsAllowed) {
    long started = System.nanoTime();
    Response response = request.get();
    long millis = (System.nanoTime() - started) / 1_000_000;
    int status = response.statusCode();
    String body = response.asString();
    String shortBody = body.length() > 300 ? body.substring(0, 300) + "..." : body;
    if (millis > SLOW_MILLIS) {
      failures.add(what + ": took " + millis + " ms: " + shortBody);
    }
    boolean refused = status >= 400 && status < 500;
    boolean ok = status == 200 && okAllowed;
    if (!refused && !ok) {
      failures.add(what + ": status " + status + ": " + shortBody);
      return;
    }
    if (ok && !rowsAllowed && !isEmptyResult(response)) {
      failures.add(what + ": returned rows: " + shortBody);
    }
    if (refused && !response.contentType().startsWith("application/problem+json")) {
      boolean requestTooBig = status == 414 || status == 431 || status == 413;
      if (!requestTooBig) {
        failures.add(what + ": status " + status + " without a problem document: " + shortBody);
      }
    }
  }

  private static boolean isEmptyResult(Response response) {
    Object data = response.jsonPath().get("data");
    return data == null ? false : ((List<?>) data).isEmpty();
  }
}
