package dev.daas.connector.jdbc;

import static java.util.Objects.requireNonNull;

import dev.daas.model.Attribute;
import dev.daas.model.query.Condition;
import dev.daas.model.query.QueryPlan;
import dev.daas.model.query.QueryResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Runs a plan on one pooled connection: the parent statement, then one statement per embed and
 * level for all parents together (split only beyond {@link SqlRenderer#MAX_TUPLES} parent keys).
 */
final class JdbcQueryExecutor implements dev.daas.model.connector.QueryExecutor {
  private final String source;
  private final DataSource dataSource;
  private final JdbcDialect dialect;
  private final SqlRenderer renderer;
  private final StatementListener listener;

  JdbcQueryExecutor(
      String source, DataSource dataSource, JdbcDialect dialect, StatementListener listener) {
    this.source = requireNonNull(source, "source is null");
    this.dataSource = requireNonNull(dataSource, "dataSource is null");
    this.dialect = requireNonNull(dialect, "dialect is null");
    this.renderer = new SqlRenderer(dialect);
    this.listener = requireNonNull(listener, "listener is null");
  }

  @Override
  public QueryResult execute(QueryPlan plan) {
    requireNonNull(plan, "plan is null");
    try (Connection connection = dataSource.getConnection()) {
      List<Map<String, Object>> rows =
          fetch(connection, plan, plan.where(), plan.limit(), new EmbedLoader(this));
      return new QueryResult(List.copyOf(rows));
    } catch (SQLException e) {
      throw SqlErrors.translate(source, dialect, e);
    }
  }

  /** The statement a plan's top level would run, for tests and diagnostics. */
  RenderedSql render(QueryPlan plan) {
    return renderer.select(
        plan.entity(), selectList(plan), plan.where(), plan.orderBy(), plan.limit());
  }

  /** Reads the rows of a plan with its embeds attached; join-only columns are removed again. */
  List<Map<String, Object>> fetch(
      Connection connection, QueryPlan plan, Condition where, int limit, EmbedLoader embeds)
      throws SQLException {
    return attach(connection, plan, read(connection, plan, where, limit), embeds);
  }

  /** The plan's rows with the join columns its embeds need, no embeds attached yet. */
  List<Map<String, Object>> read(Connection connection, QueryPlan plan, Condition where, int limit)
      throws SQLException {
    List<Attribute> columns = selectList(plan);
    RenderedSql sql = renderer.select(plan.entity(), columns, where, plan.orderBy(), limit);
    return run(connection, sql, columns, plan.timeout());
  }

  /** Attaches the plan's embeds to rows from {@link #read}, then drops the join-only columns. */
  List<Map<String, Object>> attach(
      Connection connection, QueryPlan plan, List<Map<String, Object>> rows, EmbedLoader embeds)
      throws SQLException {
    embeds.attach(connection, plan, rows);
    List<Attribute> columns = selectList(plan);
    if (columns.size() > plan.columns().size()) {
      List<String> hidden =
          columns.subList(plan.columns().size(), columns.size()).stream()
              .map(Attribute::name)
              .toList();
      for (Map<String, Object> row : rows) {
        hidden.forEach(row::remove);
      }
    }
    return rows;
  }

  /** The plan's columns, then join attributes its embeds need but the caller did not ask for. */
  private static List<Attribute> selectList(QueryPlan plan) {
    List<Attribute> columns = new ArrayList<>(plan.columns());
    for (var embed : plan.embeds()) {
      for (Attribute attribute : embed.parentAttributes()) {
        if (columns.stream().noneMatch(c -> c.name().equals(attribute.name()))) {
          columns.add(attribute);
        }
      }
    }
    return columns;
  }

  private List<Map<String, Object>> run(
      Connection connection, RenderedSql sql, List<Attribute> columns, Duration timeout)
      throws SQLException {
    listener.executing(sql);
    try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
      if (!timeout.isZero() && !timeout.isNegative()) {
        long millis = timeout.toMillis();
        statement.setQueryTimeout(
            (int) Math.max(1, Math.min(Integer.MAX_VALUE, (millis + 999) / 1000)));
      }
      List<Object> binds = sql.binds();
      for (int i = 0; i < binds.size(); i++) {
        dialect.bind(statement, i + 1, dialect.bindable(binds.get(i)));
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet resultSet = statement.executeQuery()) {
        while (resultSet.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 0; i < columns.size(); i++) {
            Attribute attribute = columns.get(i);
            row.put(attribute.name(), dialect.read(resultSet, i + 1, attribute));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }
}
