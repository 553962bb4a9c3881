package dev.daas.it.recovery;

import dev.daas.model.DataType;
import dev.daas.recovery.evidence.StatementEvidence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays an evaluation workload against the database as the legacy application would: each template
 * prepared with bound parameters and run {@code ceil(count / scale)} times, in transactions of a
 * few hundred statements. Updates are bound to keys that do not exist: they reach the statistics
 * like any other statement but leave the generated data, and so the truth, as it was (a real
 * application writes values consistent with its references; random ones would not be). Templates
 * the database refuses (the corpus holds a few nobody can analyse, such as {@code select top 10})
 * are tried once and then left out, as they would never reach the statement statistics.
 */
final class WorkloadReplay {
  /** A parameter and the column it is compared with or assigned to, if any. */
  private static final Pattern PARAMETER =
      Pattern.compile("(?i)(?:`?(\\w+)`?\\s*(=|like)\\s*)?\\?");

  private static final int COMMIT_EVERY = 300;

  /** What was run. */
  record Replayed(int templates, int refused, long executions) {}

  private WorkloadReplay() {}

  /**
   * @param types the type of each column name of the schema, for parameter values that fit
   */
  static Replayed run(
      Connection connection,
      List<StatementEvidence> workload,
      Map<String, DataType> types,
      int scale)
      throws SQLException {
    Random random = new Random(42);
    int refused = 0;
    long executions = 0;
    connection.setAutoCommit(true);
    if (connection.getMetaData().getDatabaseProductName().toLowerCase().contains("maria")) {
      // Hashed join buffers: without keys or indexes every join would be a nested loop; the
      // replay only needs the statements to run, its plans are no evidence.
      try (var s = connection.createStatement()) {
        s.execute("set session join_cache_level = 4");
      }
    }
    for (StatementEvidence statement : workload) {
      String sql = statement.template();
      try (PreparedStatement p = connection.prepareStatement(sql)) {
        bind(p, sql, types, random);
        execute(p);
        executions++;
      } catch (SQLException e) {
        refused++;
        continue;
      }
      long times = (statement.count() + scale - 1) / scale - 1;
      connection.setAutoCommit(false);
      try (PreparedStatement p = connection.prepareStatement(sql)) {
        for (long i = 0; i < times; i++) {
          bind(p, sql, types, random);
          execute(p);
          if (++executions % COMMIT_EVERY == 0) {
            connection.commit();
          }
        }
      }
      connection.commit();
      connection.setAutoCommit(true);
    }
    return new Replayed(workload.size(), refused, executions);
  }

  /** A value of the column's type: a small number, a date, a name or a {@code like} pattern. */
  private static void bind(
      PreparedStatement p, String sql, Map<String, DataType> types, Random random)
      throws SQLException {
    Matcher m = PARAMETER.matcher(sql);
    int sign = sql.regionMatches(true, 0, "update", 0, 6) ? -1 : 1;
    int index = 0;
    while (m.find()) {
      int n = 1 + random.nextInt(200);
      DataType type = m.group(1) == null ? null : types.get(m.group(1));
      if ("like".equalsIgnoreCase(m.group(2))) {
        p.setString(++index, "%" + n + "%");
      } else if (type == DataType.DATE) {
        p.setObject(++index, LocalDate.of(2000, 1, 1).plusDays(n), Types.DATE);
      } else if (type == DataType.STRING) {
        p.setString(++index, "N " + n);
      } else {
        p.setInt(++index, sign * n);
      }
    }
  }

  private static void execute(PreparedStatement p) throws SQLException {
    if (p.execute()) {
      try (ResultSet rs = p.getResultSet()) {
        while (rs.next()) {
          // read everything, as an application would
        }
      }
    }
  }
}
