package dev.daas.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.Attribute;
import dev.daas.model.DataType;
import dev.daas.model.Entity;
import dev.daas.model.EntityKind;
import dev.daas.model.query.Condition;
import dev.daas.model.query.Condition.Operator;
import dev.daas.model.query.SortKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlRendererTest {
  private static final String INJECTION = "x'; DROP TABLE t_cust; --";

  private static final Attribute NAME = attribute("name", "C_NM", DataType.STRING, "varchar");
  private static final Attribute REGION = attribute("region", "C_REG", DataType.STRING, "varchar");
  private static final Attribute NUMBER = attribute("number", "C_NO", DataType.INTEGER, "int4");
  private static final Attribute TIER = attribute("tier", "C_TIER", DataType.ENUM, "tier");
  private static final Entity CUSTOMER =
      new Entity(
          "customer",
          "legacy",
          "T_CUST",
          EntityKind.TABLE,
          null,
          List.of(REGION, NUMBER, NAME, TIER),
          null,
          null,
          null,
          null,
          null);

  private static Attribute attribute(String name, String column, DataType type, String nativeType) {
    return new Attribute(
        name,
        column,
        type,
        nativeType,
        true,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        false,
        null,
        null,
        false);
  }

  private static RenderedSql render(JdbcDialect dialect, Condition where) {
    return new SqlRenderer(dialect)
        .select(CUSTOMER, CUSTOMER.attributes(), where, List.of(new SortKey(NAME, false)), 51);
  }

  @Test
  void keepsInjectionStringsOutOfTheSqlTextOnEveryDialect() {
    Condition where =
        new Condition.Or(
            List.of(
                new Condition.Compare(NAME, Operator.EQ, INJECTION),
                new Condition.In(NAME, List.of(INJECTION, "a"), false),
                new Condition.Like(NAME, INJECTION + "%", true),
                new Condition.Compare(TIER, Operator.NE, INJECTION),
                new Condition.TupleIn(List.of(REGION, NAME), List.of(List.of("N", INJECTION)))));
    for (JdbcDialect dialect :
        List.of(
            new PostgresDialect(),
            new MariaDbDialect(false),
            new MariaDbDialect(true),
            new H2Dialect())) {
      RenderedSql sql = render(dialect, where);
      assertThat(sql.sql()).doesNotContain("DROP").doesNotContain("x'");
      assertThat(sql.binds())
          .contains(INJECTION, INJECTION + "%")
          .filteredOn(INJECTION::equals)
          .hasSize(4);
      assertThat(sql.sql().chars().filter(c -> c == '?').count()).isEqualTo(sql.binds().size());
    }
  }

  @Test
  void quotesIdentifiersFromTheModel() {
    RenderedSql postgres = render(new PostgresDialect(), null);
    assertThat(postgres.sql())
        .startsWith("select \"legacy\".\"T_CUST\".\"C_REG\"")
        .contains("from \"legacy\".\"T_CUST\"");
    RenderedSql mariaDb = render(new MariaDbDialect(false), null);
    assertThat(mariaDb.sql()).contains("from `legacy`.`T_CUST`");
  }

  @Test
  void sortsNullsAfterEveryValueOnEveryDialect() {
    List<SortKey> order = List.of(new SortKey(NAME, false), new SortKey(NUMBER, true));
    assertThat(
            new SqlRenderer(new PostgresDialect())
                .select(CUSTOMER, List.of(NAME), null, order, 0)
                .sql())
        .endsWith(
            "order by \"legacy\".\"T_CUST\".\"C_NM\" asc nulls last,"
                + " \"legacy\".\"T_CUST\".\"C_NO\" desc nulls first");
    // MySQL and MariaDB have no NULLS LAST: jOOQ sorts on a null indicator first.
    String mysql =
        new SqlRenderer(new MariaDbDialect(true))
            .select(CUSTOMER, List.of(NAME), null, order, 0)
            .sql();
    assertThat(mysql)
        .contains(
            "case when `legacy`.`T_CUST`.`C_NM` is not null then 0 else 1 end,"
                + " `legacy`.`T_CUST`.`C_NM` asc")
        .contains(
            "case when `legacy`.`T_CUST`.`C_NO` is not null then 1 else 0 end,"
                + " `legacy`.`T_CUST`.`C_NO` desc");
  }

  @Test
  void rendersNoLimitForLimitZeroAndABoundLimitOtherwise() {
    SqlRenderer renderer = new SqlRenderer(new PostgresDialect());
    RenderedSql unlimited = renderer.select(CUSTOMER, List.of(NAME), null, List.of(), 0);
    assertThat(unlimited.sql()).doesNotContain("fetch").doesNotContain("limit");
    assertThat(unlimited.binds()).isEmpty();
    RenderedSql limited = renderer.select(CUSTOMER, List.of(NAME), null, List.of(), 51);
    assertThat(limited.binds()).containsExactly(51L);
  }

  @Test
  void castsPostgresEnumValuesToTheColumnsEnumType() {
    RenderedSql sql =
        render(new PostgresDialect(), new Condition.Compare(TIER, Operator.EQ, "GOLD"));
    assertThat(sql.sql()).contains("\"C_TIER\" = cast(? as \"legacy\".\"tier\")");
    assertThat(sql.binds()).containsExactly("GOLD", 51L);
  }

  @Test
  void likeUsesBackslashAsEscapeCharacter() {
    RenderedSql sql = render(new H2Dialect(), new Condition.Like(NAME, "100\\%%", false));
    assertThat(sql.sql()).contains("like").contains("escape '\\'");
    assertThat(sql.binds()).contains("100\\%%");
  }

  @Test
  void splitsTupleInListsIntoChunksOfAtMostFiveHundredTuples() {
    List<List<Object>> tuples = new ArrayList<>();
    for (int i = 0; i < 1_201; i++) {
      tuples.add(List.of("N", (long) i));
    }
    RenderedSql sql =
        render(new PostgresDialect(), new Condition.TupleIn(List.of(REGION, NUMBER), tuples));
    assertThat(sql.sql().split("\\) in \\(", -1)).hasSize(4);
    assertThat(sql.binds()).hasSize(1_201 * 2 + 1);
  }

  @Test
  void rendersEmptyInListsAsConstantConditions() {
    assertThat(render(new H2Dialect(), new Condition.In(NAME, List.of(), false)).sql())
        .contains("where false");
    assertThat(render(new H2Dialect(), new Condition.In(NAME, List.of(), true)).sql())
        .contains("where true");
    assertThat(render(new H2Dialect(), new Condition.TupleIn(List.of(NAME), List.of())).sql())
        .contains("where false");
  }
}
