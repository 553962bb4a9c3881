package dev.daas.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {
  private static DaasException translate(JdbcDialect dialect, SQLException e) {
    return SqlErrors.translate("legacy", dialect, e);
  }

  @Test
  void mapsConnectionFailuresToSourceUnavailable() {
    assertThat(
            translate(new H2Dialect(), new SQLTransientConnectionException("pool timeout")).code())
        .isEqualTo(ErrorCode.SOURCE_UNAVAILABLE);
    assertThat(translate(new PostgresDialect(), new SQLException("refused", "08001")).code())
        .isEqualTo(ErrorCode.SOURCE_UNAVAILABLE);
    assertThat(translate(new PostgresDialect(), new SQLException("shutdown", "57P01")).code())
        .isEqualTo(ErrorCode.SOURCE_UNAVAILABLE);
    assertThat(translate(new PostgresDialect(), new SQLException("starting", "57P03")).code())
        .isEqualTo(ErrorCode.SOURCE_UNAVAILABLE);
    assertThat(translate(new MariaDbDialect(false), new SQLException("gone", "HY000", 2006)).code())
        .isEqualTo(ErrorCode.SOURCE_UNAVAILABLE);
  }

  @Test
  void mapsStatementTimeoutsToQueryTimeout() {
    assertThat(translate(new H2Dialect(), new SQLTimeoutException("slow")).code())
        .isEqualTo(ErrorCode.QUERY_TIMEOUT);
    assertThat(translate(new PostgresDialect(), new SQLException("canceled", "57014")).code())
        .isEqualTo(ErrorCode.QUERY_TIMEOUT);
    assertThat(
            translate(
                    new MariaDbDialect(false),
                    new SQLException("max_statement_time", "70100", 1969))
                .code())
        .isEqualTo(ErrorCode.QUERY_TIMEOUT);
    assertThat(
            translate(
                    new MariaDbDialect(true), new SQLException("max_execution_time", "HY000", 3024))
                .code())
        .isEqualTo(ErrorCode.QUERY_TIMEOUT);
  }

  @Test
  void mapsDataExceptionsToTypeMismatchSoTheCallerCanCorrectTheValue() {
    DaasException error =
        translate(
            new PostgresDialect(),
            new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));

    assertThat(error.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
    assertThat(error.getMessage()).contains("22021").doesNotContain("0x00");
  }

  @Test
  void mapsOtherErrorsToSourceErrorNamingTheStateButNotTheDriverMessage() {
    DaasException error =
        translate(
            new PostgresDialect(),
            new SQLException("relation \"secret-row-value\" does not exist", "42P01"));
    assertThat(error.code()).isEqualTo(ErrorCode.SOURCE_ERROR);
    assertThat(error.getMessage())
        .contains("legacy")
        .contains("42P01")
        .doesNotContain("secret-row-value");
    assertThat(error.details()).containsEntry("sqlState", "42P01");
  }
}
