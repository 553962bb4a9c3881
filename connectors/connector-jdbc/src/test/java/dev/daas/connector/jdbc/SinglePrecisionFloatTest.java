package dev.daas.connector.jdbc;

import static dev.daas.connector.jdbc.TestingModel.asc;
import static dev.daas.connector.jdbc.TestingModel.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.Attribute;
import dev.daas.model.Entity;
import dev.daas.model.query.Condition;
import dev.daas.model.query.Condition.Operator;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A REAL column compares with the value the API shows for it, not with its double widening. */
class SinglePrecisionFloatTest {
  private static JdbcDataSource dataSource;
  private static Entity rates;

  @BeforeAll
  static void createDatabase() throws Exception {
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:single-precision;DB_CLOSE_DELAY=-1");
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("drop all objects");
      statement.execute(
          "create table T_RATE (R_ID integer primary key, R_RATING real, R_EXACT double precision)");
      statement.execute("insert into T_RATE values (1, 0.1, 0.1), (2, 0.2, 0.2), (3, 0.1, 0.3)");
    }
    rates =
        new TestingModel(
                new JdbcCatalogIntrospector("h2", List.of(), dataSource, new H2Dialect())
                    .introspect())
            .entity("T_RATE");
  }

  private List<Object> ids(Condition where) {
    return new JdbcQueryExecutor("h2", dataSource, new H2Dialect(), StatementListener.NONE)
            .execute(plan(rates, where, List.of(asc(rates, "r_rating"), asc(rates, "r_id")), 0))
            .rows()
            .stream()
            .map(r -> r.get("r_id"))
            .toList();
  }

  private static Attribute rating() {
    return rates.requireAttribute("r_rating");
  }

  @Test
  void equalsTheValueTheApiShowsForARealColumn() {
    assertThat(ids(null)).containsExactly(1L, 3L, 2L);
    assertThat(
            new JdbcQueryExecutor("h2", dataSource, new H2Dialect(), StatementListener.NONE)
                .execute(plan(rates, null, List.of(asc(rates, "r_id")), 1))
                .rows()
                .get(0))
        .containsEntry("r_rating", 0.1);
    assertThat(ids(new Condition.Compare(rating(), Operator.EQ, 0.1))).containsExactly(1L, 3L);
    assertThat(ids(new Condition.In(rating(), List.of(0.1, 0.2), false)))
        .containsExactly(1L, 3L, 2L);
  }

  @Test
  void pagesPastARealValueWithoutRepeatingIt() {
    assertThat(ids(new Condition.Compare(rating(), Operator.GT, 0.1))).containsExactly(2L);
    assertThat(ids(new Condition.Compare(rating(), Operator.LE, 0.1))).containsExactly(1L, 3L);
    Condition afterFirstRow =
        new Condition.Or(
            List.of(
                new Condition.Compare(rating(), Operator.GT, 0.1),
                new Condition.And(
                    List.of(
                        new Condition.Compare(rating(), Operator.EQ, 0.1),
                        new Condition.Compare(rates.requireAttribute("r_id"), Operator.GT, 1L)))));
    assertThat(ids(afterFirstRow)).containsExactly(3L, 2L);
  }

  @Test
  void keepsComparingDoublePrecisionColumnsWithPlainDoubles() {
    assertThat(ids(new Condition.Compare(rates.requireAttribute("r_exact"), Operator.EQ, 0.3)))
        .containsExactly(3L);
  }
}
