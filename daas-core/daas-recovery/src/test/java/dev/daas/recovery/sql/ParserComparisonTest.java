package dev.daas.recovery.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.druid.DbType;
import com.alibaba.druid.sql.SQLUtils;
import com.alibaba.druid.sql.ast.SQLStatement;
import com.alibaba.druid.sql.repository.SchemaRepository;
import com.alibaba.druid.sql.visitor.SchemaStatVisitor;
import com.alibaba.druid.stat.TableStat;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Column;
import dev.daas.model.catalog.Table;
import dev.daas.recovery.TestingCatalogs;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The measurement behind ADR 0006: the corpus through StatementAnalyzer (JSqlParser plus our scope
 * resolution) and through Druid's SchemaStatVisitor given the same catalog as DDL. A statement
 * counts as correct when the set of equi-join column pairs equals the expected one and, for
 * statements the corpus marks unparseable, when it is rejected.
 */
class ParserComparisonTest {
  private final Catalog catalog = TestingCatalogs.corpus();

  @Test
  void statementAnalyzerFindsAtLeastAsManyJoinsCorrectlyAsDruid() {
    List<SqlCorpus.Entry> corpus = SqlCorpus.load();
    StatementAnalyzer analyzer = new StatementAnalyzer(catalog);
    CatalogLookup lookup = new CatalogLookup(catalog);
    int ours = 0;
    int druid = 0;
    int oursParsed = 0;
    int druidParsed = 0;
    int[] pairs = new int[5]; // expected, ours found, ours wrong, druid found, druid wrong
    StringBuilder misses = new StringBuilder();
    for (SqlCorpus.Entry entry : corpus) {
      StatementAnalysis analysis = analyzer.analyze(entry.sql());
      Set<String> expected = SqlCorpus.pairs(entry.joins());
      oursParsed += analysis.parsed() ? 1 : 0;
      boolean oursRight =
          entry.unparsed()
              ? !analysis.parsed()
              : analysis.parsed()
                  && SqlCorpus.pairs(StatementAnalyzerCorpusTest.joins(analysis)).equals(expected);
      Set<String> druidPairs = druidPairs(entry, lookup);
      druidParsed += druidPairs == null ? 0 : 1;
      boolean druidRight = entry.unparsed() ? druidPairs == null : expected.equals(druidPairs);
      Set<String> oursPairs =
          analysis.parsed()
              ? SqlCorpus.pairs(StatementAnalyzerCorpusTest.joins(analysis))
              : Set.of();
      Set<String> theirs = druidPairs == null ? Set.of() : druidPairs;
      pairs[0] += expected.size();
      pairs[1] += oursPairs.stream().filter(expected::contains).count();
      pairs[2] += oursPairs.stream().filter(p -> !expected.contains(p)).count();
      pairs[3] += theirs.stream().filter(expected::contains).count();
      pairs[4] += theirs.stream().filter(p -> !expected.contains(p)).count();
      ours += oursRight ? 1 : 0;
      druid += druidRight ? 1 : 0;
      if (!druidRight) {
        misses.append("\n  druid ").append(entry.id()).append(": ").append(druidPairs);
      }
    }
    System.out.printf(
        "parser comparison on %d statements: StatementAnalyzer parsed %d, correct %d; Druid"
            + " parsed %d, correct %d; join pairs expected %d, StatementAnalyzer found %d (wrong"
            + " %d), Druid found %d (wrong %d)%s%n",
        corpus.size(),
        oursParsed,
        ours,
        druidParsed,
        druid,
        pairs[0],
        pairs[1],
        pairs[2],
        pairs[3],
        pairs[4],
        misses);
    assertThat(ours).isGreaterThanOrEqualTo(druid).isEqualTo(corpus.size());
  }

  /** Druid's join pairs mapped onto catalog names; null when Druid cannot parse the statement. */
  private Set<String> druidPairs(SqlCorpus.Entry entry, CatalogLookup lookup) {
    DbType type = entry.dialect().equals("mysql") ? DbType.mysql : DbType.postgresql;
    try {
      List<SQLStatement> statements = SQLUtils.parseStatements(entry.sql(), type);
      SchemaRepository repository = new SchemaRepository(type);
      repository.acceptDDL(ddl(), type);
      Set<String> pairs = new TreeSet<>();
      for (SQLStatement statement : statements) {
        SchemaStatVisitor visitor = SQLUtils.createSchemaStatVisitor(repository, type);
        statement.accept(visitor);
        for (TableStat.Relationship r : visitor.getRelationships()) {
          if (!"=".equals(r.getOperator())) {
            continue;
          }
          String left = name(r.getLeft(), lookup);
          String right = name(r.getRight(), lookup);
          if (left != null && right != null) {
            pairs.add(SqlCorpus.canonical(left + "=" + right));
          }
        }
      }
      return pairs;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String name(TableStat.Column column, CatalogLookup lookup) {
    String table = SqlTables.name(column.getTable());
    int dot = table.lastIndexOf('.');
    Table t =
        lookup
            .table(dot < 0 ? null : table.substring(0, dot), table.substring(dot + 1))
            .orElse(null);
    if (t == null) {
      return null;
    }
    return lookup
        .column(t, SqlTables.name(column.getName()))
        .map(c -> SqlCorpus.shortName(new ColumnRef(t.qualifiedName(), c)))
        .orElse(null);
  }

  private String ddl() {
    return catalog.tables().stream()
        .map(
            t ->
                "create table "
                    + t.qualifiedName()
                    + " ("
                    + t.columns().stream()
                        .map(Column::name)
                        .map(c -> c + " int")
                        .collect(Collectors.joining(", "))
                    + ");")
        .collect(Collectors.joining("\n"));
  }
}
