package dev.daas.connector.jdbc;

import static java.util.Objects.requireNonNull;

import dev.daas.model.Attribute;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.model.query.Condition;
import dev.daas.model.query.EmbedPlan;
import dev.daas.model.query.QueryPlan;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attaches embedded rows: collects the distinct join tuples of all parents, reads the children of
 * all of them at once, and hands each parent its own. Never one statement per parent row.
 *
 * <p>One loader serves one request. A child plan's positive limit is the most rows its embed may
 * read in the whole request, all parents and key chunks together (also when a nested embed runs
 * once per chunk of its own parents); a request that needs more fails rather than hold an unbounded
 * result in memory. Limit 0 reads every child.
 */
final class EmbedLoader {
  private final JdbcQueryExecutor executor;
  private final Map<EmbedPlan, Integer> rowsRead = new IdentityHashMap<>();

  EmbedLoader(JdbcQueryExecutor executor) {
    this.executor = requireNonNull(executor, "executor is null");
  }

  void attach(Connection connection, QueryPlan plan, List<Map<String, Object>> parents)
      throws SQLException {
    for (EmbedPlan embed : plan.embeds()) {
      Set<List<Object>> tuples = new LinkedHashSet<>();
      for (Map<String, Object> parent : parents) {
        List<Object> tuple = tuple(parent, embed.parentAttributes());
        if (!tuple.contains(null)) {
          tuples.add(tuple);
        }
      }
      Map<List<Object>, List<Map<String, Object>>> childrenByKey =
          tuples.isEmpty() ? Map.of() : children(connection, embed, new ArrayList<>(tuples));
      for (Map<String, Object> parent : parents) {
        List<Object> tuple = tuple(parent, embed.parentAttributes());
        List<Map<String, Object>> children =
            tuple.contains(null) ? List.of() : childrenByKey.getOrDefault(key(tuple), List.of());
        if (embed.toMany()) {
          parent.put(embed.name(), children);
        } else {
          parent.put(embed.name(), children.isEmpty() ? null : children.get(0));
        }
      }
    }
  }

  /**
   * One statement per chunk of parent keys; each parent's key lies in exactly one chunk, so every
   * parent sees its children in the child plan's order.
   */
  private Map<List<Object>, List<Map<String, Object>>> children(
      Connection connection, EmbedPlan embed, List<List<Object>> tuples) throws SQLException {
    QueryPlan child = withJoinColumns(embed);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int start = 0; start < tuples.size(); start += SqlRenderer.MAX_TUPLES) {
      List<List<Object>> chunk =
          tuples.subList(start, Math.min(start + SqlRenderer.MAX_TUPLES, tuples.size()));
      Condition join = new Condition.TupleIn(embed.childAttributes(), chunk);
      Condition where = Condition.and(java.util.Arrays.asList(child.where(), join));
      int max = child.limit();
      int read = rowsRead.getOrDefault(embed, 0);
      // One row beyond the budget tells "too many" from "exactly enough" without reading more.
      List<Map<String, Object>> chunkRows =
          executor.read(connection, child, where, max > 0 ? max - read + 1 : 0);
      read += chunkRows.size();
      rowsRead.put(embed, read);
      if (max > 0 && read > max) {
        throw new DaasException(
            ErrorCode.EMBED_TOO_LARGE,
            "embed '"
                + embed.name()
                + "' would read more than "
                + max
                + " rows; narrow the page with limit or filter, or embed fewer levels",
            Map.of("embed", embed.name(), "max", max));
      }
      rows.addAll(executor.attach(connection, child, chunkRows, this));
    }
    Map<List<Object>, List<Map<String, Object>>> byKey = new LinkedHashMap<>();
    List<String> hidden = hiddenColumns(embed);
    for (Map<String, Object> row : rows) {
      byKey
          .computeIfAbsent(key(tuple(row, embed.childAttributes())), k -> new ArrayList<>())
          .add(row);
      hidden.forEach(row::remove);
    }
    return byKey;
  }

  /** The child plan with its join attributes selected, whether or not the caller asked for them. */
  private static QueryPlan withJoinColumns(EmbedPlan embed) {
    QueryPlan child = embed.child();
    List<Attribute> columns = new ArrayList<>(child.columns());
    for (Attribute attribute : embed.childAttributes()) {
      if (columns.stream().noneMatch(c -> c.name().equals(attribute.name()))) {
        columns.add(attribute);
      }
    }
    return new QueryPlan(
        child.entity(),
        columns,
        child.output(),
        child.where(),
        child.orderBy(),
        child.limit(),
        child.embeds(),
        child.timeout());
  }

  private static List<String> hiddenColumns(EmbedPlan embed) {
    return embed.childAttributes().stream()
        .map(Attribute::name)
        .filter(name -> embed.child().columns().stream().noneMatch(c -> c.name().equals(name)))
        .toList();
  }

  private static List<Object> tuple(Map<String, Object> row, List<Attribute> attributes) {
    List<Object> tuple = new ArrayList<>(attributes.size());
    for (Attribute attribute : attributes) {
      tuple.add(row.get(attribute.name()));
    }
    return tuple;
  }

  /**
   * A key that matches equal values read from different columns: 1.50 equals 1.5, an int column
   * equals a bigint one. Padding of char columns is not normalised.
   */
  private static List<Object> key(List<Object> tuple) {
    List<Object> key = new ArrayList<>(tuple.size());
    for (Object value : tuple) {
      if (value instanceof BigDecimal decimal) {
        key.add(decimal.stripTrailingZeros());
      } else if (value instanceof Number number && !(value instanceof Double)) {
        key.add(new BigDecimal(number.toString()).stripTrailingZeros());
      } else {
        key.add(value);
      }
    }
    return key;
  }
}
