package dev.daas.recovery.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.recovery.evidence.RecoveryInput;
import dev.daas.recovery.infer.ModelInference;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  @Test
  void meetsTheGoalsOfIssue4OnTheGeneratedSchemasWithSimulatedDataChecks() {
    List<Evaluate.Score> scores = Evaluate.run(true, System.out);
    Evaluate.Score total = scores.get(scores.size() - 1);

    assertThat(scores).hasSize(6);
    assertThat(scores.subList(0, 5)).allSatisfy(s -> assertThat(s.tables()).isBetween(10, 100));
    assertThat(total.exercisedF1()).isGreaterThanOrEqualTo(Evaluate.EXERCISED_F1);
    assertThat(total.precision()).isGreaterThanOrEqualTo(Evaluate.PRECISION);
    assertThat(total.keyRecall()).isGreaterThanOrEqualTo(Evaluate.KEY_RECALL);
  }

  @Test
  void staysPreciseWithoutAnyDataCheck() {
    List<Evaluate.Score> scores = Evaluate.run(false, System.out);
    Evaluate.Score total = scores.get(scores.size() - 1);

    assertThat(total.precision()).isGreaterThanOrEqualTo(Evaluate.PRECISION);
    assertThat(total.exercisedF1()).isGreaterThan(0.9);
    assertThat(total.keyRecall()).isGreaterThan(0.9);
  }

  @Test
  void generatesTheSameCaseEveryTime() {
    SchemaStyle style = EvaluationCase.styles().get(0);
    EvaluationCase a = EvaluationCase.generate(style);
    EvaluationCase b = EvaluationCase.generate(style);

    assertThat(b.catalog()).isEqualTo(a.catalog());
    assertThat(b.workload()).isEqualTo(a.workload());
    assertThat(b.truth()).isEqualTo(a.truth());
    assertThat(
            new ModelInference()
                .recover(RecoveryInput.of("x", b.catalog(), b.workload()), List.of()))
        .isEqualTo(
            new ModelInference()
                .recover(RecoveryInput.of("x", a.catalog(), a.workload()), List.of()));
  }

  @Test
  void includesNoiseJoinsAndCompositeKeysAndLinkTables() {
    EvaluationCase c = EvaluationCase.generate(EvaluationCase.styles().get(4));

    assertThat(c.workload()).anyMatch(s -> s.template().contains("`STAT_CD` = b.`STAT_CD`"));
    assertThat(c.truth().primaryKeys().values()).anyMatch(k -> k.size() == 2);
    assertThat(c.truth().relationships()).anyMatch(r -> r.contains(", ") && r.contains("_DTL"));
  }
}
