package dev.daas.connector.jdbc;

import dev.daas.model.connector.DataInspector.StatementStatistic;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Reads the statement statistics one kind of database keeps about itself, or says what to enable
 * where it keeps none. Statements DaaS itself runs (catalog reads, data checks) are left out.
 */
interface StatementStatsReader {
  /** Marks the statements of DaaS's data checks, so that they never count as evidence. */
  String OWN_MARKER = "daas_check";

  /**
   * At most {@code limit} statements, most called first.
   *
   * @param scope the source's name, schemas and statement timeout
   */
  List<StatementStatistic> read(Connection connection, InspectionScope scope, int limit)
      throws SQLException;

  /** The source a reader works for: its name, the schemas it covers, its statement timeout. */
  record InspectionScope(String source, List<String> schemas, int timeoutSeconds) {}

  /** The error that says statistics are unavailable and what to do about it. */
  static DaasException unavailable(String source, String message) {
    return new DaasException(
        ErrorCode.STATEMENT_STATS_UNAVAILABLE,
        "source " + source + ": " + message,
        Map.of("source", source));
  }
}
