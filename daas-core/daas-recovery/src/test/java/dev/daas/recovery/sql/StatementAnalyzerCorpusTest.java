package dev.daas.recovery.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.recovery.TestingCatalogs;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class StatementAnalyzerCorpusTest {
  private final StatementAnalyzer analyzer = new StatementAnalyzer(TestingCatalogs.corpus());

  @TestFactory
  List<DynamicTest> findsTheExpectedJoinsFiltersAndWrittenColumnsOfEveryCorpusStatement() {
    return SqlCorpus.load().stream()
        .map(entry -> DynamicTest.dynamicTest(entry.id(), () -> check(entry)))
        .toList();
  }

  @Test
  void theCorpusIsLargeEnoughToChooseAParser() {
    List<SqlCorpus.Entry> corpus = SqlCorpus.load();
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
    assertThat(corpus.stream().filter(e -> !e.joins().isEmpty())).hasSizeGreaterThanOrEqualTo(35);
  }

  private void check(SqlCorpus.Entry entry) {
    StatementAnalysis analysis = analyzer.analyze(entry.sql());
    if (entry.unparsed()) {
      assertThat(analysis.parsed()).as("parsed").isFalse();
      assertThat(analysis.problem()).isNotBlank();
      return;
    }
    assertThat(analysis.parsed()).as("parsed, problem: %s", analysis.problem()).isTrue();
    assertThat(joins(analysis)).isEqualTo(entry.joins());
    Set<String> filters =
        analysis.filters().stream().map(SqlCorpus::shortName).collect(Collectors.toSet());
    assertThat(filters).containsAll(entry.filters());
    Set<String> written =
        analysis.written().stream().map(SqlCorpus::shortName).collect(Collectors.toSet());
    assertThat(written).containsAll(entry.written());
  }

  static Set<String> joins(StatementAnalysis analysis) {
    Set<String> joins = new TreeSet<>();
    for (JoinCondition join : analysis.joins()) {
      joins.add(
          SqlCorpus.canonical(
              join.pairs().stream()
                  .map(p -> SqlCorpus.shortName(p.left()) + "=" + SqlCorpus.shortName(p.right()))
                  .collect(Collectors.joining(" & "))));
    }
    return joins;
  }
}
