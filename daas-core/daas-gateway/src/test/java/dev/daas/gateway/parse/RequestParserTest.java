package dev.daas.gateway.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestParserTest {
  private final RequestParser parser = new RequestParser();

  @Test
  void readsEveryListParameter() {
    DataRequest request =
        parser.parse(
            "T_CUST",
            null,
            Map.of(
                "filter", List.of("C_ID > 3"),
                "sort", List.of("C_NM, -C_BAL"),
                "limit", List.of("20"),
                "cursor", List.of("abc"),
                "fields", List.of("C_ID,C_NM,orders.O_NO"),
                "embed", List.of("orders,orders.lines")));

    assertThat(request.entity()).isEqualTo("T_CUST");
    assertThat(request.filter().canonical()).isEqualTo("C_ID > 3");
    assertThat(request.sort())
        .containsExactly(new SortTerm("C_NM", false), new SortTerm("C_BAL", true));
    assertThat(request.limit()).isEqualTo(20);
    assertThat(request.cursor()).isEqualTo("abc");
    assertThat(request.fields()).containsExactly("C_ID", "C_NM", "orders.O_NO");
    assertThat(request.embeds()).containsExactly("orders", "orders.lines");
    assertThat(request.byKey()).isFalse();
  }

  @Test
  void leavesAbsentParametersEmpty() {
    assertThat(parser.parse("T_CUST", null, Map.of())).isEqualTo(DataRequest.list("T_CUST"));
  }

  @Test
  void rejectsUnknownParametersNamingTheAcceptedOnes() {
    assertError(
        () -> parser.parse("T_CUST", null, Map.of("order", List.of("C_ID"))),
        ErrorCode.UNKNOWN_PARAMETER,
        "unknown parameter 'order'; accepted when listing: filter, sort, limit, cursor, fields,"
            + " embed");
  }

  @Test
  void acceptsOnlyFieldsAndEmbedWhenReadingByKey() {
    assertError(
        () -> parser.parse("T_CUST", "1", Map.of("filter", List.of("C_ID = 1"))),
        ErrorCode.UNKNOWN_PARAMETER,
        "accepted when reading by key: fields, embed");
    assertThat(parser.parse("T_CUST", "1", Map.of("fields", List.of("C_NM"))).fields())
        .containsExactly("C_NM");
  }

  @Test
  void rejectsRepeatedParameters() {
    assertError(
        () -> parser.parse("T_CUST", null, Map.of("sort", List.of("C_ID", "C_NM"))),
        ErrorCode.MALFORMED_SORT,
        "parameter 'sort' is given 2 times");
    assertError(
        () -> parser.parse("T_CUST", null, Map.of("filter", List.of("a = 1", "b = 2"))),
        ErrorCode.MALFORMED_FILTER,
        "combine conditions with AND");
    assertError(
        () -> parser.parse("T_CUST", null, Map.of("limit", List.of("1", "2"))),
        ErrorCode.INVALID_LIMIT,
        "given 2 times");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "C_ID,", ",C_ID", "C_ID,,C_NM", "--C_ID", "+C_ID", "C ID", "a.b", "1x"})
  void rejectsMalformedSort(String sort) {
    assertError(
        () -> parser.parse("T_CUST", null, Map.of("sort", List.of(sort))),
        ErrorCode.MALFORMED_SORT,
        "malformed sort term");
  }

  @Test
  void rejectsSortingTwiceByTheSameField() {
    assertError(
        () -> parser.parse("T_CUST", null, Map.of("sort", List.of("C_ID,-C_ID"))),
        ErrorCode.MALFORMED_SORT,
        "sort names field 'C_ID' twice");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "C_ID,", "a..b", ".a", "a.", "a b", "a,*"})
  void rejectsMalformedFields(String fields) {
    assertError(
        () -> parser.parse("T_CUST", null, Map.of("fields", List.of(fields))),
        ErrorCode.MALFORMED_FIELDS,
        "malformed fields entry");
  }

  @Test
  void rejectsMalformedEmbedPaths() {
    assertError(
        () -> parser.parse("T_CUST", null, Map.of("embed", List.of("orders..lines"))),
        ErrorCode.UNKNOWN_EMBED,
        "malformed embed entry 'orders..lines'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "abc", "1.5", "", "00", "1e3", "+5"})
  void rejectsLimitsThatAreNotPositiveIntegers(String limit) {
    assertError(
        () -> parser.parse("T_CUST", null, Map.of("limit", List.of(limit))),
        ErrorCode.INVALID_LIMIT,
        "is not a positive integer");
  }

  @Test
  void rejectsLimitsBeyondTheIntegerRangeAsTooLarge() {
    assertError(
        () -> parser.parse("T_CUST", null, Map.of("limit", List.of("99999999999999"))),
        ErrorCode.LIMIT_TOO_LARGE,
        "too large");
  }

  @Test
  void treatsAnEmptyCursorAsTheFirstPage() {
    assertThat(parser.parse("T_CUST", null, Map.of("cursor", List.of(""))).cursor()).isNull();
  }

  @Test
  void splitsTheKeyOnCommasBeforePercentDecoding() {
    DataRequest request = parser.parse("T_ORD", "EU%2CWEST,42", Map.of());

    assertThat(request.key()).containsExactly("EU,WEST", "42");
    assertThat(request.byKey()).isTrue();
  }

  @Test
  void decodesUtf8AndKeepsPlusSignsInKeys() {
    assertThat(RequestParser.key("Z%C3%BCrich+1,%F0%9F%98%80x")).containsExactly("Zürich+1", "😀x");
    assertThat(RequestParser.key("😀,,")).containsExactly("😀", "", "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc%2", "%zz", "%C3"})
  void rejectsMalformedKeys(String key) {
    assertThatThrownBy(() -> parser.parse("T_CUST", key, Map.of()))
        .isInstanceOfSatisfying(
            DaasException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_KEY));
  }

  @Test
  void reportsFilterSyntaxErrors() {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    parameters.put("filter", List.of("C_ID = "));
    assertError(
        () -> parser.parse("T_CUST", null, parameters), ErrorCode.MALFORMED_FILTER, "position 7");
  }

  private static void assertError(ThrowingCallable call, ErrorCode code, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            DaasException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.getMessage()).contains(message);
            });
  }
}
