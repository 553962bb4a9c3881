package dev.daas.recovery.sql;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Which tables a SQL statement touches and how: the target of an insert, update, delete or merge
 * gets that operation, every other table it names (joins, subqueries, the select of an
 * insert-select) is read. Statements that cannot be parsed, or are longer than {@link #MAX_LENGTH},
 * come back as {@link Analysis#parsed() unparsed} with a reason; they never throw, because captured
 * SQL is whatever a legacy application sends.
 */
public final class SqlTables {
  /** Longer statements are generated bulk SQL; parsing them costs more than they tell. */
  public static final int MAX_LENGTH = 20_000;

  /** Pathological statements can make the parser backtrack for long; give up after this. */
  private static final long PARSE_TIMEOUT_MILLIS = 2_000;

  /** What a statement does to a table. */
  public enum Operation {
    SELECT,
    INSERT,
    UPDATE,
    DELETE
  }

  /** One table and what the statement does to it. Names are unquoted, schema kept when given. */
  public record TableUse(String table, Set<Operation> operations) {
    public TableUse {
      java.util.Objects.requireNonNull(table, "table is null");
      operations = Set.copyOf(operations);
    }
  }

  /** The tables of one statement, or why there are none. */
  public record Analysis(boolean parsed, String problem, List<TableUse> tables) {
    public Analysis {
      tables = List.copyOf(tables);
    }

    static Analysis unparsed(String problem) {
      return new Analysis(false, problem, List.of());
    }
  }

  private SqlTables() {}

  public static Analysis analyze(String sql) {
    if (sql == null || sql.isBlank()) {
      return Analysis.unparsed("empty statement");
    }
    if (sql.length() > MAX_LENGTH) {
      return Analysis.unparsed("statement longer than " + MAX_LENGTH + " characters");
    }
    Statement statement;
    try {
      statement = CCJSqlParserUtil.parse(sql, parser -> parser.withTimeOut(PARSE_TIMEOUT_MILLIS));
    } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
      return Analysis.unparsed("not parseable");
    }
    if (statement == null) {
      return Analysis.unparsed("not parseable");
    }
    try {
      return new Analysis(true, null, uses(statement));
    } catch (RuntimeException | StackOverflowError e) {
      // The table finder does not visit every construct the grammar accepts.
      return Analysis.unparsed("unsupported construct");
    }
  }

  private static List<TableUse> uses(Statement statement) {
    Map<String, Set<Operation>> byTable = new LinkedHashMap<>();
    List<Table> targets = new ArrayList<>();
    Operation targetOperation = null;
    if (statement instanceof Insert insert) {
      targets.add(insert.getTable());
      targetOperation = Operation.INSERT;
    } else if (statement instanceof Update update) {
      targets.add(update.getTable());
      targetOperation = Operation.UPDATE;
    } else if (statement instanceof Delete delete) {
      if (delete.getTables() != null && !delete.getTables().isEmpty()) {
        targets.addAll(delete.getTables());
      } else {
        targets.add(delete.getTable());
      }
      targetOperation = Operation.DELETE;
    } else if (statement instanceof Merge merge) {
      targets.add(merge.getTable());
    } else if (!(statement instanceof Select)) {
      return List.of();
    }
    List<String> targetNames = new ArrayList<>();
    for (Table target : targets) {
      if (target == null) {
        continue;
      }
      String name = name(target.getFullyQualifiedName());
      targetNames.add(name);
      Set<Operation> operations =
          byTable.computeIfAbsent(name, n -> EnumSet.noneOf(Operation.class));
      if (targetOperation != null) {
        operations.add(targetOperation);
      } else {
        operations.add(Operation.INSERT);
        operations.add(Operation.UPDATE);
      }
    }
    Set<String> all = new TablesNamesFinder<Void>().getTables(statement);
    for (String raw : all) {
      String name = name(raw);
      if (!targetNames.contains(name)) {
        byTable.computeIfAbsent(name, n -> EnumSet.noneOf(Operation.class)).add(Operation.SELECT);
      }
    }
    return byTable.entrySet().stream().map(e -> new TableUse(e.getKey(), e.getValue())).toList();
  }

  /**
   * {@code "public"."T_CUST"} and {@code `T_CUST`} become {@code public.T_CUST} and {@code T_CUST}.
   */
  static String name(String qualified) {
    StringBuilder out = new StringBuilder();
    for (String part : qualified.split("\\.")) {
      String p = part.strip();
      if (p.length() >= 2
          && ((p.startsWith("\"") && p.endsWith("\""))
              || (p.startsWith("`") && p.endsWith("`"))
              || (p.startsWith("[") && p.endsWith("]")))) {
        p = p.substring(1, p.length() - 1);
      }
      if (!p.isEmpty()) {
        out.append(out.isEmpty() ? "" : ".").append(p);
      }
    }
    return out.toString();
  }
}
