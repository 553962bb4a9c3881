package dev.daas.connector.jdbc;

import static dev.daas.connector.jdbc.TestingModel.asc;
import static dev.daas.connector.jdbc.TestingModel.embed;
import static dev.daas.connector.jdbc.TestingModel.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daas.model.Entity;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.model.query.Condition;
import dev.daas.model.query.Condition.Operator;
import dev.daas.model.query.QueryPlan;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A child plan's limit bounds the rows its embed reads in the whole request. */
class EmbedRowLimitTest {
  private static final int PARENTS = 600;

  private static JdbcDataSource dataSource;
  private static Entity parent;
  private static Entity child;

  private final List<RenderedSql> statements = new ArrayList<>();
  private JdbcQueryExecutor executor;

  @BeforeAll
  static void createDatabase() throws Exception {
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:embed-limit;DB_CLOSE_DELAY=-1");
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("drop all objects");
      statement.execute("create table T_P (P_ID integer primary key)");
      statement.execute(
          "create table T_C (C_ID integer primary key, C_PID integer not null references T_P)");
      statement.execute("insert into T_P select x from system_range(1, " + PARENTS + ")");
      // One child per parent, and parent 1 has five.
      statement.execute("insert into T_C select x, x from system_range(1, " + PARENTS + ")");
      statement.execute("insert into T_C select 1000 + x, 1 from system_range(1, 4)");
    }
    TestingModel model =
        new TestingModel(
            new JdbcCatalogIntrospector("h2", List.of(), dataSource, new H2Dialect()).introspect());
    parent = model.entity("T_P");
    child = model.entity("T_C");
  }

  @BeforeEach
  void createExecutor() {
    executor = new JdbcQueryExecutor("h2", dataSource, new H2Dialect(), statements::add);
  }

  private QueryPlan parents(Condition where, int childLimit) {
    QueryPlan children = plan(child, null, List.of(asc(child, "c_id")), childLimit);
    return plan(
        parent,
        where,
        List.of(asc(parent, "p_id")),
        0,
        List.of(embed("kids", true, parent, List.of("p_id"), child, List.of("c_pid"), children)));
  }

  private static Condition firstParent() {
    return new Condition.Compare(parent.requireAttribute("p_id"), Operator.EQ, 1L);
  }

  /** The row limit each child statement asked the database for. */
  private List<String> childStatementLimits() {
    return statements.subList(1, statements.size()).stream()
        .map(s -> String.valueOf(s.binds().get(s.binds().size() - 1)))
        .toList();
  }

  @Test
  void failsWithEmbedTooLargeWhenOneParentHasMoreChildrenThanTheLimit() {
    assertThatThrownBy(() -> executor.execute(parents(firstParent(), 3)))
        .isInstanceOfSatisfying(
            DaasException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.EMBED_TOO_LARGE);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "embed 'kids' would read more than 3 rows; narrow the page with limit or"
                          + " filter, or embed fewer levels");
              assertThat(e.details()).isEqualTo(Map.of("embed", "kids", "max", 3));
            });
    assertThat(childStatementLimits()).containsExactly("4");
  }

  @Test
  void countsTheLimitOverAllParentsAndKeyChunksOfTheRequest() {
    assertThatThrownBy(() -> executor.execute(parents(null, 550)))
        .isInstanceOfSatisfying(
            DaasException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EMBED_TOO_LARGE));
    // 500 keys of the first chunk read 504 children; the second chunk may read 46, asks for 47.
    assertThat(childStatementLimits()).containsExactly("551", "47");
  }

  @Test
  void attachesEveryChildWhenTheRequestStaysWithinTheLimit() {
    List<Map<String, Object>> one = executor.execute(parents(firstParent(), 5)).rows();
    assertThat(kids(one.get(0)))
        .extracting(k -> k.get("c_id"))
        .containsExactly(1L, 1001L, 1002L, 1003L, 1004L);

    statements.clear();
    List<Map<String, Object>> all = executor.execute(parents(null, PARENTS + 4)).rows();
    assertThat(all).hasSize(PARENTS);
    assertThat(all.stream().mapToInt(r -> kids(r).size()).sum()).isEqualTo(PARENTS + 4);
    assertThat(statements).hasSize(3);
  }

  @Test
  void readsEveryChildWhenTheLimitIsZero() {
    List<Map<String, Object>> all = executor.execute(parents(null, 0)).rows();
    assertThat(kids(all.get(0))).hasSize(5);
    assertThat(all.stream().mapToInt(r -> kids(r).size()).sum()).isEqualTo(PARENTS + 4);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> kids(Map<String, Object> row) {
    return (List<Map<String, Object>>) row.get("kids");
  }
}
