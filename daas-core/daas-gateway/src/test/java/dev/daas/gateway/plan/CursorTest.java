package dev.daas.gateway.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daas.gateway.TestingModels;
import dev.daas.gateway.parse.DataRequest;
import dev.daas.gateway.parse.FilterSyntax;
import dev.daas.gateway.parse.RequestParser;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.model.query.Condition;
import dev.daas.model.query.QueryPlan;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {
  private final Planner planner = new Planner();

  @Test
  void roundTripsValuesOfEveryOrderableType() {
    List<Object> values =
        new ArrayList<>(
            Arrays.asList(
                "O'Brien, ünïcode 😀",
                42L,
                new BigInteger("123456789012345678901234567890"),
                new BigDecimal("12345678901234567890.000000000000000001"),
                new BigDecimal("1E+3"),
                3.5d,
                true,
                LocalDate.of(2024, 1, 31),
                LocalTime.of(13, 45, 0, 1),
                LocalDateTime.of(2024, 1, 31, 13, 45),
                OffsetDateTime.of(2024, 1, 31, 13, 45, 0, 0, ZoneOffset.ofHours(-5)),
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                null));
    Cursor cursor = new Cursor("T_CUST", "-C_NM,C_ID", "abcdef", values);

    String text = cursor.encode();

    assertThat(text).matches("[A-Za-z0-9_-]+");
    assertThat(Cursor.decode(text)).isEqualTo(cursor);
  }

  @Test
  void fingerprintsTheFilterIgnoringWhitespaceAndKeywordCase() {
    assertThat(Cursor.filterFingerprint(FilterSyntax.parse("a = 1 and b in ('x')")))
        .isEqualTo(Cursor.filterFingerprint(FilterSyntax.parse("a=1   AND b IN('x')")))
        .isNotEqualTo(Cursor.filterFingerprint(FilterSyntax.parse("a = 2 and b in ('x')")));
    assertThat(Cursor.filterFingerprint(null)).isEmpty();
  }

  @Test
  void detectsEveryChangedCharacter() {
    String text = new Cursor("T_CUST", "C_ID", "", List.of(42L)).encode();
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < text.length(); i++) {
      char replacement = alphabet.charAt((alphabet.indexOf(text.charAt(i)) + 1) % 64);
      String tampered = text.substring(0, i) + replacement + text.substring(i + 1);
      // the last character may carry only padding bits, which decoding ignores
      if (!Arrays.equals(decodeBytes(tampered), decodeBytes(text))) {
        assertBadCursor(() -> Cursor.decode(tampered), "");
      }
    }
  }

  @Test
  void detectsAValueChangedWithARecomputedBase64ButNotTheChecksum() {
    byte[] bytes = decodeBytes(new Cursor("T_CUST", "C_ID", "", List.of(42L)).encode());
    int index = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("42");
    bytes[index] = '9';
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

    assertBadCursor(() -> Cursor.decode(forged), "checksum does not match");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "!!!!", "AAAAAAAAAAAAAAAAAAAAAAAA", "eyJpZCI6NDJ9", "a b"})
  void rejectsTextThatIsNotACursor(String text) {
    assertBadCursor(() -> Cursor.decode(text), "use page.next as returned");
  }

  @Test
  void rejectsACursorMadeForAnotherSortFilterOrEntity() {
    String cursor = nextCursor(TestingModels.ORDER, Map.of("sort", "O_TOT", "filter", "O_NO > 1"));

    assertBadCursor(
        () -> plan(TestingModels.ORDER, Map.of("sort", "-O_TOT", "filter", "O_NO > 1"), cursor),
        "another sort");
    assertBadCursor(
        () -> plan(TestingModels.ORDER, Map.of("sort", "O_TOT", "filter", "O_NO > 2"), cursor),
        "another filter");
    assertBadCursor(
        () -> plan(TestingModels.CUSTOMER, Map.of("sort", "C_BAL", "filter", "C_ID > 1"), cursor),
        "another entity");
    assertThat(
            plan(
                    TestingModels.ORDER,
                    Map.of("sort", "O_TOT", "filter", "O_NO  >  1", "fields", "O_NO"),
                    cursor)
                .where())
        .isNotNull();
  }

  @Test
  void rejectsACursorWhoseValuesNoLongerFitTheModel() {
    String cursor = new Cursor("T_ORD", "O_REG,O_NO", "", List.of("EU", "not a number")).encode();

    assertBadCursor(() -> plan(TestingModels.ORDER, Map.of(), cursor), "current model");
  }

  @Test
  void seeksAfterTheCursorPosition() {
    String cursor = new Cursor("T_ORD", "O_REG,O_NO", "", List.of("EU", 7L)).encode();

    var order = TestingModels.legacy().entity(TestingModels.ORDER).orElseThrow();
    var region = order.requireAttribute("O_REG");
    var number = order.requireAttribute("O_NO");

    assertThat(plan(TestingModels.ORDER, Map.of(), cursor).where())
        .isEqualTo(
            new Condition.Or(
                List.of(
                    new Condition.Compare(region, Condition.Operator.GT, "EU"),
                    new Condition.And(
                        List.of(
                            new Condition.Compare(region, Condition.Operator.EQ, "EU"),
                            new Condition.Compare(number, Condition.Operator.GT, 7L))))));
  }

  /**
   * Cursors with a valid checksum (anyone can compute it) carrying values no filter literal of the
   * sort field could hold: each must be refused before it reaches the seek condition.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "hugeExponent",
        "tinyExponent",
        "longInteger",
        "hugeInteger",
        "nul",
        "megabytes",
        "tensOfKilobytes",
        "unknownLabel"
      })
  void rejectsForgedValuesThatNoFilterLiteralCouldHold(String forgery) {
    String sort;
    Object value;
    switch (forgery) {
      case "hugeExponent" -> {
        sort = "C_BAL";
        value = new BigDecimal("1E+999999999");
      }
      case "tinyExponent" -> {
        sort = "C_BAL";
        value = new BigDecimal("1E-999999999");
      }
      case "longInteger" -> {
        sort = "C_BIG";
        value = new BigInteger("9".repeat(5000));
      }
      case "hugeInteger" -> {
        sort = "C_BIG";
        value = BigInteger.TEN.pow(100_000);
      }
      case "nul" -> {
        sort = "C_NM";
        value = "abc\0def";
      }
      case "megabytes" -> {
        sort = "C_NM";
        value = "x".repeat(2_000_000);
      }
      case "tensOfKilobytes" -> {
        sort = "C_NM";
        value = "x".repeat(60_000);
      }
      case "unknownLabel" -> {
        sort = "C_MOOD";
        value = "angry";
      }
      default -> throw new IllegalArgumentException(forgery);
    }
    String cursor = new Cursor("T_CUST", sort + ",C_ID", "", Arrays.asList(value, 1L)).encode();

    assertThatThrownBy(() -> plan(TestingModels.CUSTOMER, Map.of("sort", sort), cursor))
        .isInstanceOfSatisfying(
            DaasException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.BAD_CURSOR);
              if (cursor.length() <= Cursor.MAX_ENCODED) {
                assertThat(e.getMessage()).contains("position 0 (sort field '" + sort + "')");
                assertThat(e.details()).containsEntry("position", 0).containsEntry("field", sort);
              } else {
                assertThat(e.getMessage()).contains("longer than 8192 characters");
              }
            });
  }

  @Test
  void namesThePositionOfAForgedValueAfterTheFirst() {
    String cursor =
        new Cursor("T_ORD", "O_REG,O_NO", "", List.of("EU", new BigInteger("9".repeat(1001))))
            .encode();

    assertBadCursor(
        () -> plan(TestingModels.ORDER, Map.of(), cursor),
        "the cursor value at position 1 (sort field 'O_NO') does not fit");
  }

  @Test
  void refusesCursorTextLongerThanTheCapBeforeDecodingIt() {
    assertBadCursor(() -> Cursor.decode("A".repeat(8193)), "longer than 8192 characters");
    String longest = "A".repeat(8192);
    assertThatThrownBy(() -> Cursor.decode(longest))
        .isInstanceOfSatisfying(
            DaasException.class, e -> assertThat(e.getMessage()).doesNotContain("longer than"));
  }

  /** Every orderable type of T_CUST: a real cursor seeks from exactly the values it carries. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "C_ID", "C_NM", "C_BAL", "C_BAL2", "C_RATE", "C_RATE2", "C_ACT", "C_BORN", "C_OPEN",
        "C_CRT", "C_UPD", "C_UID", "C_MOOD", "C_BIG"
      })
  void seeksFromTheExactValuesOfAValidCursorOfEveryOrderableType(String field) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("C_ID", -42L);
    values.put("C_NM", "O'Brien, ünïcode 😀 %_\\");
    values.put("C_BAL", new BigDecimal("12345678901234567890.000000000000000001"));
    values.put("C_BAL2", new BigDecimal("1E+3"));
    values.put("C_RATE", 1.0E-300);
    values.put("C_RATE2", Double.NaN);
    values.put("C_ACT", false);
    values.put("C_BORN", LocalDate.of(2024, 2, 29));
    values.put("C_OPEN", LocalTime.of(13, 45, 0, 1));
    values.put("C_CRT", LocalDateTime.of(2024, 1, 31, 13, 45));
    values.put("C_UPD", OffsetDateTime.of(2024, 1, 31, 13, 45, 0, 0, ZoneOffset.ofHours(-5)));
    values.put("C_UID", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    values.put("C_MOOD", "happy");
    values.put("C_BIG", new BigInteger("123456789012345678901234567890"));
    String attribute = field.replaceAll("[0-9]$", "");
    List<Object> position =
        attribute.equals("C_ID")
            ? List.of(values.get(field))
            : Arrays.asList(values.get(field), 7L);
    String sort = attribute.equals("C_ID") ? "-C_ID" : "-" + attribute + ",C_ID";
    String cursor = new Cursor("T_CUST", sort, "", position).encode();

    QueryPlan plan = plan(TestingModels.CUSTOMER, Map.of("sort", sort.split(",")[0]), cursor);

    assertThat(plan.where()).isEqualTo(SeekCondition.after(plan.orderBy(), position));
  }

  @Test
  void refusesAnyCursorForAnEntityWithoutOrder() {
    String forged = new Cursor(TestingModels.DOCS, "", "", List.of()).encode();

    assertBadCursor(() -> plan(TestingModels.DOCS, Map.of(), forged), "listed in one page");
    assertBadCursor(() -> plan(TestingModels.DOCS, Map.of(), "AAAA"), "takes no cursor");
  }

  /** A cursor as the responder builds it: from the plan's sort and the request's filter. */
  private String nextCursor(String entity, Map<String, String> parameters) {
    DataRequest request = request(entity, parameters, null);
    QueryPlan plan = planner.plan(TestingModels.legacy(), request, PlanLimits.DEFAULTS);
    assertThat(Cursor.sortSpec(plan.orderBy())).isEqualTo("O_TOT,O_REG,O_NO");
    return new Cursor(
            entity,
            Cursor.sortSpec(plan.orderBy()),
            Cursor.filterFingerprint(request.filter()),
            List.of(new BigDecimal("1.5"), "EU", 3L))
        .encode();
  }

  private QueryPlan plan(String entity, Map<String, String> parameters, String cursor) {
    return planner.plan(
        TestingModels.legacy(), request(entity, parameters, cursor), PlanLimits.DEFAULTS);
  }

  private static DataRequest request(String entity, Map<String, String> parameters, String cursor) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    parameters.forEach((k, v) -> multi.put(k, List.of(v)));
    if (cursor != null) {
      multi.put("cursor", List.of(cursor));
    }
    return new RequestParser().parse(entity, null, multi);
  }

  private static byte[] decodeBytes(String text) {
    try {
      return Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private static void assertBadCursor(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            DaasException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.BAD_CURSOR);
              assertThat(e.getMessage()).contains(message);
            });
  }
}
