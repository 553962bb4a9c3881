package dev.daas.connector.jdbc;

import dev.daas.model.Attribute;
import dev.daas.model.connector.SourceConfig;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * PostgreSQL. pgjdbc sends strings as varchar, and PostgreSQL has no {@code enum = varchar}
 * operator: enum values are cast to the column's enum type (which keeps the enum's own order for
 * {@code <} and {@code >}); arrays, json and unknown enum labels compare as text.
 */
final class PostgresDialect implements JdbcDialect {
  /** How much longer than a statement's timeout the socket waits before giving up on the server. */
  static final Duration SOCKET_GRACE = Duration.ofSeconds(10);

  private final PostgresCatalogReader catalogReader = new PostgresCatalogReader();
  private final PostgresStatementStats statementStats = new PostgresStatementStats();

  @Override
  public SQLDialect sqlDialect() {
    return SQLDialect.POSTGRES;
  }

  @Override
  public CatalogReader catalogReader() {
    return catalogReader;
  }

  /**
   * Arrays and json have no comparison with a varchar parameter; an enum value outside the known
   * labels would fail the cast, while as text it simply matches nothing.
   */
  @Override
  public boolean comparesAsText(Attribute attribute, List<?> values) {
    return switch (attribute.type()) {
      case OTHER, JSON -> true;
      case ENUM ->
          !attribute.enumValues().isEmpty()
              && values.stream().anyMatch(v -> !attribute.enumValues().contains(v));
      default -> false;
    };
  }

  @Override
  public Field<?> value(Object value, Attribute attribute, String schema) {
    if (attribute.type() == dev.daas.model.DataType.ENUM) {
      return DSL.field(
          "cast({0} as {1})", Object.class, DSL.val(value), enumType(attribute, schema));
    }
    return JdbcDialect.super.value(value, attribute, schema);
  }

  @Override
  public String singlePrecisionType(Attribute attribute) {
    return "float4".equals(attribute.nativeType()) ? "real" : null;
  }

  /** pgjdbc counts both timeouts in seconds; the socket waits a little longer than a statement. */
  @Override
  public Map<String, String> driverProperties(SourceConfig config) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("connectTimeout", String.valueOf(JdbcDialect.seconds(config.connectTimeout())));
    if (!config.queryTimeout().isZero() && !config.queryTimeout().isNegative()) {
      properties.put(
          "socketTimeout",
          String.valueOf(JdbcDialect.seconds(config.queryTimeout().plus(SOCKET_GRACE))));
    }
    return properties;
  }

  /** The enum type by name; the catalog reader qualifies it when it lives in another schema. */
  private static Name enumType(Attribute attribute, String schema) {
    String nativeType = attribute.nativeType();
    int dot = nativeType.indexOf('.');
    if (dot > 0) {
      return DSL.name(nativeType.substring(0, dot), nativeType.substring(dot + 1));
    }
    return schema == null ? DSL.name(nativeType) : DSL.name(schema, nativeType);
  }

  @Override
  public StatementStatsReader statementStats() {
    return statementStats;
  }

  @Override
  public boolean isTimeout(SQLException exception) {
    return "57014".equals(exception.getSQLState());
  }

  /** 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now. */
  @Override
  public boolean isUnavailable(SQLException exception) {
    String state = exception.getSQLState();
    return state != null && state.startsWith("57P0") && "123".indexOf(state.charAt(4)) >= 0;
  }
}
