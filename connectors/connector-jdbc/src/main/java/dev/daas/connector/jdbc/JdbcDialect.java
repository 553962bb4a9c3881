package dev.daas.connector.jdbc;

import dev.daas.model.Attribute;
import dev.daas.model.DataType;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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
    return DSL.val(bindable(value));
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

  /** Whether the exception says the statement ran out of time (beyond the portable signs). */
  default boolean isTimeout(SQLException exception) {
    return false;
  }

  /** Whether the exception says the database is gone (beyond SQLState class 08). */
  default boolean isUnavailable(SQLException exception) {
    return false;
  }
}
