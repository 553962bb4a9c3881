package dev.daas.it;

import static dev.daas.it.DataApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Part of {@link LegacyDataApiConformance}: every kind of bad input answers with its own problem
 * code as {@code application/problem+json}, never with a 500.
 */
interface BadInputConformance {
  String CUSTOMERS = "/api/v1/" + LegacyDataApiConformance.SOURCE + "/t_cust";

  DataApi api();

  @Test
  default void rejectsAMalformedFilterNamingThePosition() {
    Response doubled =
        assertProblem(
            api().get(CUSTOMERS, "filter", "c_stat = 'A' AND AND small_n = 1"),
            400,
            "malformed-filter");
    assertThat(doubled.jsonPath().getInt("position")).isEqualTo(17);
    Response unbalanced =
        assertProblem(api().get(CUSTOMERS, "filter", "(c_stat = 'A'"), 400, "malformed-filter");
    assertThat(unbalanced.jsonPath().getInt("position")).isEqualTo(13);
    Response unterminated =
        assertProblem(api().get(CUSTOMERS, "filter", "c_nm = 'abc"), 400, "malformed-filter");
    assertThat(unterminated.jsonPath().getInt("position")).isBetween(7, 11);
    assertProblem(api().get(CUSTOMERS, "filter", "c_stat == 'A'"), 400, "malformed-filter");
    assertProblem(api().get(CUSTOMERS, "filter", "c_stat = 'A' OR"), 400, "malformed-filter");
    assertProblem(api().get(CUSTOMERS, "filter", ""), 400, "malformed-filter");
  }

  @Test
  default void rejectsUnknownFieldsEntitiesSourcesParametersAndEmbeds() {
    Response field =
        assertProblem(api().get(CUSTOMERS, "filter", "nope = 1"), 400, "unknown-field");
    assertThat(field.jsonPath().getString("instance")).isEqualTo(CUSTOMERS);
    assertProblem(api().get(CUSTOMERS, "sort", "-nope"), 400, "unknown-field");
    assertProblem(api().get(CUSTOMERS, "fields", "cust_id,nope"), 400, "unknown-field");
    assertProblem(api().get(CUSTOMERS + "/1", "fields", "nope"), 400, "unknown-field");
    assertProblem(api().get("/api/v1/legacy/t_nope"), 404, "unknown-entity");
    assertProblem(api().get("/api/v1/nope/t_cust"), 404, "unknown-source");
    assertProblem(api().get(CUSTOMERS, "colour", "red"), 400, "unknown-parameter");
    assertProblem(api().get(CUSTOMERS + "/1", "limit", "5"), 400, "unknown-parameter");
    assertProblem(api().get(CUSTOMERS, "embed", "nope"), 400, "unknown-embed");
    assertProblem(api().get(CUSTOMERS, "embed", "t_ord_hdr.nope"), 400, "unknown-embed");
    assertProblem(
        api().get("/api/v1/legacy/t_ord_ln", "embed", "ord.t_ord_ln.ord.cust"),
        400,
        "embed-too-deep");
  }

  @Test
  default void rejectsValuesThatDoNotFitTheFieldType() {
    assertProblem(api().get(CUSTOMERS, "filter", "small_n = 'abc'"), 400, "type-mismatch");
    assertProblem(api().get(CUSTOMERS, "filter", "cust_id = 1.5"), 400, "type-mismatch");
    assertProblem(api().get(CUSTOMERS, "filter", "c_nm = 5"), 400, "type-mismatch");
    assertProblem(api().get(CUSTOMERS, "filter", "birth_dt = 'yesterday'"), 400, "type-mismatch");
    assertProblem(api().get(CUSTOMERS, "filter", "c_typ = 'nope'"), 400, "type-mismatch");
    assertProblem(api().get(CUSTOMERS, "filter", "ext_ref = 'not-a-uuid'"), 400, "type-mismatch");
    assertProblem(api().get(CUSTOMERS, "filter", "actv = 'yes'"), 400, "type-mismatch");
    assertProblem(api().get(CUSTOMERS, "filter", "small_n LIKE '1%'"), 400, "type-mismatch");
    Response position =
        assertProblem(
            api().get(CUSTOMERS, "filter", "c_stat = 'A' AND small_n = 'x'"), 400, "type-mismatch");
    assertThat(position.jsonPath().getInt("position")).isEqualTo(27);
    assertProblem(api().get(CUSTOMERS, "filter", "prefs = 'x'"), 400, "not-filterable");
    assertProblem(api().get(CUSTOMERS, "sort", "photo"), 400, "not-filterable");
  }

  @Test
  default void rejectsLimitsThatAreNotPositiveIntegersOrTooLarge() {
    assertProblem(api().get(CUSTOMERS, "limit", "1001"), 400, "limit-too-large");
    assertProblem(api().get(CUSTOMERS, "limit", "99999999999999999999"), 400, "limit-too-large");
    for (String invalid : new String[] {"0", "-1", "abc", "1.5", "", " ", "1e3", "0x10"}) {
      assertProblem(api().get(CUSTOMERS, "limit", invalid), 400, "invalid-limit");
    }
    assertThat(api().get(CUSTOMERS, "limit", "1000").statusCode()).isEqualTo(200);
  }

  @Test
  default void rejectsCursorsThatAreDamagedTamperedOrMadeForAnotherListing() {
    Response first = api().get(CUSTOMERS, "sort", "c_nm", "limit", "3");
    String cursor = first.jsonPath().getString("page.next");
    assertThat(cursor).isNotBlank();
    assertThat(api().get(CUSTOMERS, "sort", "c_nm", "limit", "3", "cursor", cursor).statusCode())
        .isEqualTo(200);
    assertProblem(
        api().get(CUSTOMERS, "sort", "c_nm", "cursor", InjectionCorpus.tampered(cursor)),
        400,
        "bad-cursor");
    assertProblem(api().get(CUSTOMERS, "sort", "c_nm", "cursor", "garbage!!"), 400, "bad-cursor");
    assertProblem(api().get(CUSTOMERS, "sort", "c_nm", "cursor", "AAAA"), 400, "bad-cursor");
    assertProblem(
        api().get(CUSTOMERS, "sort", "c_nm", "cursor", cursor.substring(0, cursor.length() - 4)),
        400,
        "bad-cursor");
    assertProblem(api().get(CUSTOMERS, "sort", "-c_nm", "cursor", cursor), 400, "bad-cursor");
    assertProblem(
        api().get(CUSTOMERS, "sort", "c_nm", "filter", "cust_id > 1", "cursor", cursor),
        400,
        "bad-cursor");
    assertProblem(api().get("/api/v1/legacy/t_prd", "cursor", cursor), 400, "bad-cursor");
  }
}
