package dev.daas.recovery.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.recovery.eval.SyntheticRows.TableRows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SyntheticRowsTest {
  private static final Pattern SIGNATURE =
      Pattern.compile("\\w+\\.(\\w+)\\[(.+)] -> \\w+\\.(\\w+)\\[(.+)]");

  @Test
  void keepsEveryTrueReferenceWithinTheOrphanToleranceOfInference() {
    for (SchemaStyle style : EvaluationCase.styles()) {
      EvaluationCase c = EvaluationCase.generate(style);
      Map<String, TableRows> tables = byName(c.rows(3000));
      for (String signature : c.truth().relationships()) {
        Matcher m = SIGNATURE.matcher(signature);
        assertThat(m.matches()).as(signature).isTrue();
        Set<List<Object>> children = tuples(tables.get(m.group(1)), m.group(2));
        Set<List<Object>> parents = tuples(tables.get(m.group(3)), m.group(4));
        long orphans = children.stream().filter(t -> !parents.contains(t)).count();

        assertThat(children).as(signature).isNotEmpty();
        assertThat(orphans).as(signature).isLessThanOrEqualTo(children.size() / 100);
      }
    }
  }

  @Test
  void leavesAFewOrphansInLargeTablesAsLegacyDataHas() {
    EvaluationCase c = EvaluationCase.generate(EvaluationCase.styles().get(4));
    Map<String, TableRows> tables = byName(c.rows(5000));
    long withOrphans =
        c.truth().relationships().stream()
            .filter(
                s -> {
                  Matcher m = SIGNATURE.matcher(s);
                  m.matches();
                  Set<List<Object>> parents = tuples(tables.get(m.group(3)), m.group(4));
                  return tuples(tables.get(m.group(1)), m.group(2)).stream()
                      .anyMatch(t -> !parents.contains(t));
                })
            .count();

    assertThat(withOrphans).isPositive();
  }

  @Test
  void keepsTrueKeysUniqueAndRowCountsWithinTheCap() {
    EvaluationCase c = EvaluationCase.generate(EvaluationCase.styles().get(2));
    Map<String, TableRows> tables = byName(c.rows(800));
    c.truth()
        .primaryKeys()
        .forEach(
            (table, key) -> {
              TableRows rows = tables.get(table.substring(table.indexOf('.') + 1));
              assertThat(rows.rows()).hasSizeBetween(1, 800);
              assertThat(tuples(rows, String.join(", ", key))).hasSameSizeAs(rows.rows());
            });
  }

  @Test
  void addsNoiseColumnsWhoseValuesMostlyButNotAllFallAmongTheNamedKeys() {
    EvaluationCase c = EvaluationCase.generate(EvaluationCase.styles().get(0));
    Map<String, TableRows> tables = byName(c.rows(3000));
    int noise = 0;
    for (TableRows t : tables.values()) {
      for (SyntheticRows.ColumnSpec column : t.columns()) {
        if (!column.name().startsWith(SyntheticRows.NOISE_PREFIX)) {
          continue;
        }
        noise++;
        String key = column.name().substring(SyntheticRows.NOISE_PREFIX.length());
        TableRows target =
            tables.values().stream()
                .filter(o -> o != t && o.columns().get(0).name().equals(key))
                .filter(o -> tuples(o, key).size() == o.rows().size()) // the key, not a detail
                .findFirst()
                .orElseThrow();
        Set<List<Object>> values = tuples(t, column.name());
        Set<List<Object>> keys = tuples(target, key);
        long outside = values.stream().filter(v -> !keys.contains(v)).count();

        assertThat(outside).as(column.name()).isGreaterThan(values.size() / 100);
        assertThat(outside).as(column.name()).isLessThan(values.size() / 5 + 1);
      }
    }
    assertThat(noise).isPositive();
  }

  @Test
  void generatesTheSameRowsEveryTime() {
    SchemaStyle style = EvaluationCase.styles().get(3);
    List<TableRows> a = EvaluationCase.generate(style).rows(500).tables();
    List<TableRows> b = EvaluationCase.generate(style).rows(500).tables();

    assertThat(b).hasSameSizeAs(a);
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i).rows()).containsExactlyElementsOf(a.get(i).rows());
    }
  }

  private static Map<String, TableRows> byName(SyntheticRows rows) {
    Map<String, TableRows> tables = new HashMap<>();
    rows.tables().forEach(t -> tables.put(t.table(), t));
    return tables;
  }

  /** The non-null value tuples of the columns, listed as {@code "A, B"}. */
  private static Set<List<Object>> tuples(TableRows t, String columns) {
    List<Integer> indexes = new ArrayList<>();
    for (String column : columns.split(", ")) {
      int index = -1;
      for (int i = 0; i < t.columns().size(); i++) {
        if (t.columns().get(i).name().equals(column)) {
          index = i;
        }
      }
      assertThat(index).as(t.table() + "." + column).isNotNegative();
      indexes.add(index);
    }
    Set<List<Object>> tuples = new HashSet<>();
    for (Object[] row : t.rows()) {
      List<Object> tuple = new ArrayList<>();
      indexes.forEach(i -> tuple.add(row[i]));
      if (!tuple.contains(null)) {
        tuples.add(tuple);
      }
    }
    return tuples;
  }
}
