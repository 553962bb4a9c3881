package dev.daas.recovery.sql;

import dev.daas.model.catalog.Catalog;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Analyses SQL templates (PostgreSQL and MySQL/MariaDB syntax, {@code ?} or {@code $n}
 * placeholders, MySQL digest {@code IN (...)}) against one catalog: see {@link StatementAnalysis}.
 * Never throws on bad input: statements that are empty, longer than {@link #MAX_LENGTH}, not
 * parseable, of a foreign dialect or not a query or data change come back unparsed with a reason.
 * Thread-safe; one instance per catalog.
 */
public final class StatementAnalyzer {
  /** Longer statements are generated bulk SQL: counted, not analysed. */
  public static final int MAX_LENGTH = 1_000_000;

  private static final Pattern DOLLAR_PARAMETER = Pattern.compile("\\$\\d+");
  private static final Pattern DIGEST_LIST = Pattern.compile("\\(\\s*\\.\\.\\.\\s*\\)");

  private final CatalogLookup lookup;

  public StatementAnalyzer(Catalog catalog) {
    this.lookup = new CatalogLookup(catalog);
  }

  public CatalogLookup lookup() {
    return lookup;
  }

  public StatementAnalysis analyze(String sql) {
    if (sql == null || sql.isBlank()) {
      return StatementAnalysis.unparsed("empty statement");
    }
    if (sql.length() > MAX_LENGTH) {
      return StatementAnalysis.unparsed("longer than " + MAX_LENGTH + " characters");
    }
    String text = DIGEST_LIST.matcher(sql).replaceAll("(?)");
    text = DOLLAR_PARAMETER.matcher(text).replaceAll("?");
    Statement statement = parse(text);
    if (statement == null) {
      return StatementAnalysis.unparsed("not parseable");
    }
    if (!(statement instanceof Select
        || statement instanceof Insert
        || statement instanceof Update
        || statement instanceof Delete)) {
      return StatementAnalysis.unparsed(
          "not a query or data change: " + statement.getClass().getSimpleName());
    }
    try {
      return new StatementWalker(lookup).walk(statement);
    } catch (StatementWalker.ForeignDialect e) {
      return StatementAnalysis.unparsed("foreign dialect: " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      return StatementAnalysis.unparsed("unsupported construct");
    }
  }

  /**
   * Parses in the calling thread (JSqlParser's timeout variant starts a thread per statement, which
   * costs more than the parse): the cheap grammar first, the backtracking one only when it fails,
   * as {@link CCJSqlParserUtil#parse(String)} does.
   */
  private static Statement parse(String sql) {
    for (boolean complex : new boolean[] {false, true}) {
      try {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(complex);
        return parser.Statement();
      } catch (Exception | StackOverflowError e) {
        // try the next grammar
      }
    }
    return null;
  }
}
