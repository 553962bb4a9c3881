package dev.daas.connector.jdbc;

import static java.util.Objects.requireNonNull;

import dev.daas.model.Attribute;
import dev.daas.model.Entity;
import dev.daas.model.query.Condition;
import dev.daas.model.query.SortKey;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.OrderField;
import org.jooq.RowN;
import org.jooq.SelectQuery;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Renders reads with jOOQ for the source's dialect. Identifiers come from the model and are always
 * quoted; every value becomes a bound parameter, so user input never reaches the SQL text.
 */
final class SqlRenderer {
  /** Row-value IN lists longer than this are split, to stay below driver and planner limits. */
  static final int MAX_TUPLES = 500;

  static {
    // jOOQ prints a banner and a tip on first use; a server log has no room for them.
    if (System.getProperty("org.jooq.no-logo") == null) {
      System.setProperty("org.jooq.no-logo", "true");
    }
    if (System.getProperty("org.jooq.no-tips") == null) {
      System.setProperty("org.jooq.no-tips", "true");
    }
  }

  private final JdbcDialect dialect;
  private final DSLContext context;

  SqlRenderer(JdbcDialect dialect) {
    this.dialect = requireNonNull(dialect, "dialect is null");
    this.context = context(dialect);
  }

  /** A jOOQ context for the dialect that renders one-line SQL with every identifier quoted. */
  static DSLContext context(JdbcDialect dialect) {
    return DSL.using(
        dialect.sqlDialect(),
        new Settings()
            .withRenderFormatted(false)
            .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
            .withExecuteLogging(false));
  }

  /**
   * {@code select columns from entity where condition order by keys [limit n]}; limit 0 reads all
   * rows. Sort keys put nulls after every value: ascending nulls last, descending nulls first.
   */
  RenderedSql select(
      Entity entity, List<Attribute> columns, Condition where, List<SortKey> orderBy, int limit) {
    SelectQuery<?> query = context.selectQuery();
    query.addFrom(DSL.table(tableName(entity)));
    for (Attribute attribute : columns) {
      query.addSelect(column(entity, attribute));
    }
    if (where != null) {
      query.addConditions(condition(entity, where));
    }
    List<OrderField<?>> order = new ArrayList<>();
    for (SortKey key : orderBy) {
      Field<Object> field = dialect.orderOperand(column(entity, key.attribute()), key.attribute());
      order.add(key.descending() ? field.desc().nullsFirst() : field.asc().nullsLast());
    }
    query.addOrderBy(order);
    if (limit > 0) {
      query.addLimit(limit);
    }
    return new RenderedSql(context.render(query), context.extractBindValues(query));
  }

  private static Name tableName(Entity entity) {
    return entity.schema() == null
        ? DSL.name(entity.table())
        : DSL.name(entity.schema(), entity.table());
  }

  private static Field<Object> column(Entity entity, Attribute attribute) {
    return DSL.field(tableName(entity).append(attribute.column()));
  }

  org.jooq.Condition condition(Entity entity, Condition condition) {
    if (condition instanceof Condition.And and) {
      return and.operands().isEmpty()
          ? DSL.trueCondition()
          : DSL.and(and.operands().stream().map(c -> condition(entity, c)).toList());
    }
    if (condition instanceof Condition.Or or) {
      return or.operands().isEmpty()
          ? DSL.falseCondition()
          : DSL.or(or.operands().stream().map(c -> condition(entity, c)).toList());
    }
    if (condition instanceof Condition.Not not) {
      return DSL.not(condition(entity, not.operand()));
    }
    if (condition instanceof Condition.Compare compare) {
      return compare(entity, compare);
    }
    if (condition instanceof Condition.In in) {
      return in(entity, in);
    }
    if (condition instanceof Condition.Like like) {
      Field<Object> field = dialect.likeOperand(column(entity, like.attribute()), like.attribute());
      Field<String> pattern = DSL.val(like.pattern());
      return like.negated() ? field.notLike(pattern, '\\') : field.like(pattern, '\\');
    }
    if (condition instanceof Condition.IsNull isNull) {
      Field<Object> field = column(entity, isNull.attribute());
      return isNull.negated() ? field.isNotNull() : field.isNull();
    }
    if (condition instanceof Condition.TupleIn tupleIn) {
      return tupleIn(entity, tupleIn);
    }
    throw new IllegalArgumentException("unknown condition " + condition.getClass().getName());
  }

  private org.jooq.Condition compare(Entity entity, Condition.Compare compare) {
    Attribute attribute = compare.attribute();
    Operand operand = operand(entity, attribute, List.of(compare.value()));
    Field<Object> field = operand.column();
    Field<Object> value = operand.value(compare.value());
    return switch (compare.operator()) {
      case EQ -> field.eq(value);
      case NE -> field.ne(value);
      case LT -> field.lt(value);
      case LE -> field.le(value);
      case GT -> field.gt(value);
      case GE -> field.ge(value);
    };
  }

  private org.jooq.Condition in(Entity entity, Condition.In in) {
    if (in.values().isEmpty()) {
      return in.negated() ? DSL.trueCondition() : DSL.falseCondition();
    }
    Operand operand = operand(entity, in.attribute(), in.values());
    List<Field<?>> values = in.values().stream().<Field<?>>map(operand::value).toList();
    return in.negated() ? operand.column().notIn(values) : operand.column().in(values);
  }

  /** A column and how values compared with it are bound, as text or in the column's type. */
  private record Operand(
      Field<Object> column, Attribute attribute, String schema, JdbcDialect dialect, boolean text) {
    @SuppressWarnings("unchecked")
    Field<Object> value(Object value) {
      return text
          ? DSL.val(String.valueOf(value)).coerce(Object.class)
          : (Field<Object>) dialect.value(value, attribute, schema);
    }
  }

  private Operand operand(Entity entity, Attribute attribute, List<?> values) {
    Field<Object> column = dialect.orderOperand(column(entity, attribute), attribute);
    boolean text = dialect.comparesAsText(attribute, values);
    return new Operand(
        text ? column.cast(SQLDataType.VARCHAR).coerce(Object.class) : column,
        attribute,
        entity.schema(),
        dialect,
        text);
  }

  /** {@code (a, b) in ((?, ?), ...)}, as an OR of lists of at most {@link #MAX_TUPLES}. */
  private org.jooq.Condition tupleIn(Entity entity, Condition.TupleIn tupleIn) {
    if (tupleIn.tuples().isEmpty()) {
      return DSL.falseCondition();
    }
    List<Attribute> attributes = tupleIn.attributes();
    List<org.jooq.Condition> chunks = new ArrayList<>();
    for (int start = 0; start < tupleIn.tuples().size(); start += MAX_TUPLES) {
      List<List<Object>> chunk =
          tupleIn.tuples().subList(start, Math.min(start + MAX_TUPLES, tupleIn.tuples().size()));
      if (attributes.size() == 1) {
        Operand operand =
            operand(entity, attributes.get(0), chunk.stream().map(t -> t.get(0)).toList());
        chunks.add(
            operand
                .column()
                .in(chunk.stream().<Field<?>>map(t -> operand.value(t.get(0))).toList()));
      } else {
        List<Operand> operands = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
          int position = i;
          operands.add(
              operand(
                  entity, attributes.get(i), chunk.stream().map(t -> t.get(position)).toList()));
        }
        List<RowN> rows = new ArrayList<>();
        for (List<Object> tuple : chunk) {
          List<Field<?>> values = new ArrayList<>();
          for (int i = 0; i < attributes.size(); i++) {
            values.add(operands.get(i).value(tuple.get(i)));
          }
          rows.add(DSL.row(values));
        }
        chunks.add(DSL.row(operands.stream().map(Operand::column).toList()).in(rows));
      }
    }
    return chunks.size() == 1 ? chunks.get(0) : DSL.or(chunks);
  }
}
