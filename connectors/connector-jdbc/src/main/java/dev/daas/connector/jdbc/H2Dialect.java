package dev.daas.connector.jdbc;

import dev.daas.model.Attribute;
import java.sql.SQLException;
import org.jooq.SQLDialect;

/** H2 2.x, used for tests and small embedded sources. It compares every type with a parameter. */
final class H2Dialect implements JdbcDialect {
  /** H2's error codes: statement cancelled or timed out; connection broken; database closed. */
  private static final int STATEMENT_CANCELED = 57014;

  private static final int CONNECTION_BROKEN = 90067;
  private static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;

  static final String NO_STATISTICS =
      "H2 keeps no statement statistics that DaaS can read; recover this source from its catalog"
          + " and the probe's observations of the application, or from a PostgreSQL"
          + " (pg_stat_statements) or MySQL/MariaDB (performance_schema) database that runs the"
          + " same workload";

  private final H2CatalogReader catalogReader = new H2CatalogReader();

  @Override
  public SQLDialect sqlDialect() {
    return SQLDialect.H2;
  }

  @Override
  public CatalogReader catalogReader() {
    return catalogReader;
  }

  @Override
  public String singlePrecisionType(Attribute attribute) {
    return "real".equalsIgnoreCase(attribute.nativeType()) ? "real" : null;
  }

  /** H2 keeps no statistics of the application's statements that DaaS reads. */
  @Override
  public StatementStatsReader statementStats() {
    return (connection, scope, limit) -> {
      throw StatementStatsReader.unavailable(scope.source(), NO_STATISTICS);
    };
  }

  @Override
  public boolean isTimeout(SQLException exception) {
    return exception.getErrorCode() == STATEMENT_CANCELED;
  }

  @Override
  public boolean isUnavailable(SQLException exception) {
    int code = exception.getErrorCode();
    return code == CONNECTION_BROKEN || code == DATABASE_CALLED_AT_SHUTDOWN;
  }
}
