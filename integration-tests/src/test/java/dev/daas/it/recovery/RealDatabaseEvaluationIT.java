package dev.daas.it.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.recovery.eval.Evaluate;
import dev.daas.recovery.eval.EvaluationCase;
import dev.daas.recovery.eval.SchemaStyle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recovery scored on real databases: the generated legacy schemas erp, billing and campus on the
 * local PostgreSQL; city and crm (whose workload quotes names with backticks) and erp again on the
 * local MariaDB; each loaded with generated data and exercised by its workload. Evidence is the
 * catalog, the database's own statement statistics and real data checks (see {@link
 * RealDatabaseEvaluation}). Prints the table of docs/benchmarks.md; {@code -Deval.schemas=erp,crm}
 * runs a subset, {@code -Deval.maxChecks=200} another check budget. The floors sit slightly below
 * the measured figures: a regression guard, not a timed test.
 */
class RealDatabaseEvaluationIT {
  private static final int MAX_ROWS = 4_000;
  private static final int EXECUTION_SCALE = 20;

  @Test
  void recoversTheGeneratedSchemasFromRealStatisticsAndRealDataChecks() throws Exception {
    RealDatabaseEvaluation evaluation =
        new RealDatabaseEvaluation(MAX_ROWS, EXECUTION_SCALE, System.out);
    List<Evaluate.Score> scores = new ArrayList<>();
    for (Target target : targets()) {
      RealDatabaseEvaluation.Run run = evaluation.run(target.database(), target.style());
      assertThat(run.statements()).as(target.toString()).isGreaterThan(100);
      scores.add(run.score());
    }
    scores.add(Evaluate.total(scores));
    Evaluate.print(scores, System.out);
    Evaluate.Score total = scores.get(scores.size() - 1);

    assertThat(scores)
        .allSatisfy(s -> assertThat(s.exercisedF1()).as(s.name()).isGreaterThanOrEqualTo(0.97));
    assertThat(scores)
        .allSatisfy(s -> assertThat(s.precision()).as(s.name()).isGreaterThanOrEqualTo(0.95));
    assertThat(total.exercisedF1()).isGreaterThanOrEqualTo(0.99);
    assertThat(total.precision()).isGreaterThanOrEqualTo(0.99);
    assertThat(total.keyRecall()).isGreaterThanOrEqualTo(0.99);
    if (RealDatabaseEvaluation.MAX_CHECKS >= 1000) {
      assertThat(total.recall()).isGreaterThanOrEqualTo(0.97);
    }
  }

  private record Target(EvaluationDatabase database, SchemaStyle style) {
    @Override
    public String toString() {
      return database + "/" + style.name();
    }
  }

  private static List<Target> targets() {
    List<String> only = List.of(System.getProperty("eval.schemas", "").split(","));
    List<Target> targets = new ArrayList<>();
    for (SchemaStyle style : EvaluationCase.styles()) {
      targets.add(
          new Target(
              style.mysql() ? EvaluationDatabase.MARIADB : EvaluationDatabase.POSTGRES, style));
    }
    targets.add(new Target(EvaluationDatabase.MARIADB, EvaluationCase.styles().get(0)));
    return targets.stream()
        .filter(t -> only.equals(List.of("")) || only.contains(t.style().name()))
        .toList();
  }
}
