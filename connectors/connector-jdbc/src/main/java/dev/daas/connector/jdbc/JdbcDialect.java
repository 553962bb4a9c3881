package dev.daas.connector.jdbc;

import dev.daas.model.Attribute;
import dev.daas.model.DataType;
import dev.daas.model.connector.SourceConfig;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * What differs between databases: the jOOQ dialect that renders statements, the catalog reader, and
 * the binding quirks where a native type does not compare with a plain bound parameter.
 */
interface JdbcDialect {
  SQLDialect sqlDialect();

  CatalogReader catalogReader();

  /**
   * Driver options the pool always sets: socket and connect timeouts, so a database that silently
   * drops packets cannot hang a request, and safe values for options that could harm this server.
   */
  default Map<String, String> driverProperties(SourceConfig config) {
    return Map.of();
  }

  /**
   * The column as sorted and compared: a dialect whose native order disagrees with its comparison
   * operators makes both use one expression, so keyset pages neither skip nor repeat rows.
   */
  default Field<Object> orderOperand(Field<Object> column, Attribute attribute) {
    return column;
  }

  /**
   * The SQL type to cast values to when comparing them with a single-precision float column, or
   * null where the column is not one. A double such as 0.1 never equals the float 0.1f that the
   * column holds; cast to the column's type both round to the same float.
   */
  default String singlePrecisionType(Attribute attribute) {
    return null;
  }

  /**
   * Whether the column must be compared as text with these values: for native types that do not
   * compare with a bound parameter at all, or with this particular value.
   */
  default boolean comparesAsText(Attribute attribute, List<?> values) {
    return false;
  }

  /** The column as the left side of LIKE, which only character types support everywhere. */
  default Field<Object> likeOperand(Field<Object> column, Attribute attribute) {
    return attribute.type() == DataType.STRING
        ? column
        : column.cast(SQLDataType.VARCHAR).coerce(Object.class);
  }

  /** A bound value compared with a column of the attribute's type, in the entity's schema. */
  default Field<?> value(Object value, Attribute attribute, String schema) {
    String single = attribute.type() == DataType.FLOAT ? singlePrecisionType(attribute) : null;
    if (single != null && value instanceof Number) {
      return DSL.field("cast({0} as " + single + ")", Object.class, DSL.val(bindable(value)));
    }
    return DSL.val(bindable(value));
  }

  /** Seconds, rounded up, at least one: PostgreSQL's timeouts count whole seconds. */
  static long seconds(Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1000);
  }

  /** Converts a value to a type every driver binds. */
  default Object bindable(Object value) {
    return value instanceof BigInteger big ? new java.math.BigDecimal(big) : value;
  }

  default void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    statement.setObject(index, value);
  }

  default Object read(ResultSet resultSet, int index, Attribute attribute) throws SQLException {
    return ValueReader.read(resultSet, index, attribute.type());
  }

  /** Reads the statement statistics the database keeps about itself, or says what to enable. */
  StatementStatsReader statementStats();

  /** Whether the exception says the statement ran out of time (beyond the portable signs). */
  default boolean isTimeout(SQLException exception) {
    return false;
  }

  /** Whether the exception says the database is gone (beyond SQLState class 08). */
  default boolean isUnavailable(SQLException exception) {
    return false;
  }
}
