package dev.daas.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.gateway.TestingModels;
import dev.daas.model.Attribute;
import dev.daas.model.DataType;
import dev.daas.model.query.Condition;
import dev.daas.model.query.Condition.Operator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Row filters on rows of the Java types of {@code TypedValues}, compared as SQL compares them. */
class RowMatcherTest {
  private static final Attribute SEEN =
      TestingModels.attribute("SEEN", DataType.TIMESTAMP_TZ, true);
  private static final Attribute ID = TestingModels.attribute("ID", DataType.UUID, true);

  @Test
  void timesWithOffsetsAreEqualWhenTheirInstantsAre() {
    OffsetDateTime utc = OffsetDateTime.parse("2026-01-01T00:00:00Z");
    OffsetDateTime paris = OffsetDateTime.parse("2026-01-01T01:00:00+01:00");

    assertThat(matches(new Condition.Compare(SEEN, Operator.EQ, paris), SEEN, utc)).isTrue();
    assertThat(matches(new Condition.Compare(SEEN, Operator.LT, paris), SEEN, utc)).isFalse();
    assertThat(matches(new Condition.Compare(SEEN, Operator.GE, paris), SEEN, utc)).isTrue();
  }

  @Test
  void uuidsAreOrderedAsUnsignedBytesLikePostgres() {
    UUID low = UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff");
    UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");

    assertThat(matches(new Condition.Compare(ID, Operator.GT, low), ID, high)).isTrue();
    assertThat(matches(new Condition.Compare(ID, Operator.LT, low), ID, high)).isFalse();
    assertThat(matches(new Condition.Compare(ID, Operator.EQ, high), ID, high)).isTrue();
  }

  @Test
  void valuesOfAnotherJavaTypeAreUnknownSoNeitherTheConditionNorItsNegationHolds() {
    Attribute day = TestingModels.attribute("DAY", DataType.DATE, true);
    Condition equal = new Condition.Compare(day, Operator.EQ, LocalDate.parse("2026-02-01"));

    assertThat(matches(equal, day, LocalDate.parse("2026-02-01"))).isTrue();
    assertThat(matches(equal, day, "2026-02-01")).isFalse();
    assertThat(matches(new Condition.Not(equal), day, "2026-02-01")).isFalse();
    assertThat(matches(equal, day, LocalDateTime.parse("2026-02-01T00:00:00"))).isFalse();
  }

  @Test
  void decimalsCompareWithEveryDigitAndDoublesAsDoubles() {
    Attribute amount = TestingModels.attribute("AMOUNT", DataType.DECIMAL, true);
    Condition over = new Condition.Compare(amount, Operator.GT, new BigDecimal("100"));

    assertThat(matches(over, amount, new BigDecimal("100.000000000000000001"))).isTrue();
    assertThat(matches(over, amount, new BigDecimal("100.00"))).isFalse();
    // a double has lost the digits already: what change streams avoid by decoding first
    assertThat(matches(over, amount, 100.000000000000000001)).isFalse();
  }

  private static boolean matches(Condition condition, Attribute attribute, Object value) {
    return RowMatcher.matches(condition, Map.of(attribute.name(), value));
  }

  @Test
  void onCaseInsensitiveDatabasesARowMustMatchByCodePointAndFoldedSoNoHiddenRowPasses() {
    Attribute code = TestingModels.attribute("CODE", DataType.STRING, true);
    Condition notA = new Condition.Compare(code, Operator.NE, "a");
    Condition isA = new Condition.Compare(code, Operator.EQ, "a");
    Map<String, Object> upper = Map.of("CODE", "A");

    // MariaDB's default collation says 'A' = 'a': the data API hides 'A' under code <> 'a'
    assertThat(RowMatcher.matches(notA, upper, false)).isTrue();
    assertThat(RowMatcher.matches(notA, upper, true)).isFalse();
    // and shows it under code = 'a', which the stream may drop: never the other way round
    assertThat(RowMatcher.matches(isA, upper, true)).isFalse();
    assertThat(RowMatcher.matches(isA, Map.of("CODE", "a"), true)).isTrue();
    assertThat(
            RowMatcher.matches(
                new Condition.Compare(code, Operator.NE, "cafe"),
                Map.of("CODE", "Caf\u00e9 "),
                true))
        .as("accents and trailing spaces fold too")
        .isFalse();
    assertThat(
            RowMatcher.matches(new Condition.Like(code, "x%", true), Map.of("CODE", "X-1"), true))
        .as("NOT LIKE 'x%' hides 'X-1' on such databases")
        .isFalse();
  }

  @Test
  void foldingIsOnlyForMariaDbAndMySql() {
    assertThat(Policies.foldsStrings("MariaDB 10.11.6")).isTrue();
    assertThat(Policies.foldsStrings("MySQL 8.0.36")).isTrue();
    assertThat(Policies.foldsStrings("PostgreSQL 15.8")).isFalse();
    assertThat(Policies.foldsStrings(null)).isFalse();
  }
}
