package dev.daas.connector.jdbc;

import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

/**
 * Turns driver exceptions into typed errors. Messages name the source and the SQLState, never the
 * statement's values (they may hold row data) nor the driver message (it may echo them).
 */
final class SqlErrors {
  private SqlErrors() {}

  static DaasException translate(String source, JdbcDialect dialect, SQLException exception) {
    String state = exception.getSQLState();
    Map<String, Object> details =
        state == null ? Map.of("source", source) : Map.of("source", source, "sqlState", state);
    if (isUnavailable(dialect, exception)) {
      return new DaasException(
          ErrorCode.SOURCE_UNAVAILABLE,
          "source " + source + " is unavailable: no connection to its database" + stateText(state),
          details,
          exception);
    }
    if (isTimeout(dialect, exception)) {
      return new DaasException(
          ErrorCode.QUERY_TIMEOUT,
          "source " + source + " did not answer within the statement timeout" + stateText(state),
          details,
          exception);
    }
    if (state != null && state.startsWith("22")) {
      // Data exception: the database refused a value of the request (out of range, not valid
      // text for the column's type), which the caller can correct.
      return new DaasException(
          ErrorCode.TYPE_MISMATCH,
          "source " + source + " refused a value of the request as invalid data" + stateText(state),
          details,
          exception);
    }
    return new DaasException(
        ErrorCode.SOURCE_ERROR,
        "source "
            + source
            + " rejected the statement"
            + stateText(state)
            + " (vendor code "
            + exception.getErrorCode()
            + ")",
        details,
        exception);
  }

  static boolean isUnavailable(JdbcDialect dialect, SQLException exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof java.net.ConnectException
          || t instanceof java.net.UnknownHostException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && state.startsWith("08")) {
          return true;
        }
        if (dialect.isUnavailable(sql)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean isTimeout(JdbcDialect dialect, SQLException exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof SQLTimeoutException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        if ("57014".equals(sql.getSQLState()) || dialect.isTimeout(sql)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String stateText(String state) {
    return state == null ? "" : " (SQLState " + state + ")";
  }
}
