package dev.daas.recovery.eval;

import dev.daas.recovery.evidence.CheckResult;
import dev.daas.recovery.evidence.DataCheck;
import dev.daas.recovery.evidence.RecoveryInput;
import dev.daas.recovery.infer.InferredKey;
import dev.daas.recovery.infer.InferredRelationship;
import dev.daas.recovery.infer.ModelInference;
import dev.daas.recovery.infer.RecoveryResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The recovery evaluation: generates the five legacy schemas, recovers each (data checks answered
 * by SIMULATED data, see {@link SimulatedData}), and prints precision, recall and F1 of
 * relationships (on the references the workload exercises and overall) and primary-key recall (on
 * the tables whose key was removed), per schema and in total. Exit status 1 when a goal is missed:
 * relationship F1 >= 0.97 on exercised references, precision >= 0.95 overall, primary-key recall >=
 * 0.98.
 *
 * <p>Run: {@code mvn -pl daas-core/daas-recovery exec:java
 * -Dexec.mainClass=dev.daas.recovery.eval.Evaluate}, or {@code java -cp <module classpath>
 * dev.daas.recovery.eval.Evaluate}. Add {@code --no-checks} to recover without any data check. The
 * same scoring on real databases: integration-tests' {@code RealDatabaseEvaluationIT}.
 */
public final class Evaluate {
  /** Goals of issue 4. */
  public static final double EXERCISED_F1 = 0.97;

  public static final double PRECISION = 0.95;
  public static final double KEY_RECALL = 0.98;

  /** Counts for one schema or the total. */
  public record Score(
      String name,
      int tables,
      int truth,
      int exercised,
      int predicted,
      int correct,
      int predictedExercised,
      int correctExercisedPredictions,
      int exercisedFound,
      int keysToFind,
      int keysFound,
      List<String> falsePositives,
      List<String> misses) {

    public double precision() {
      return ratio(correct, predicted);
    }

    public double recall() {
      return ratio(correct, truth);
    }

    public double exercisedPrecision() {
      return ratio(correctExercisedPredictions, predictedExercised);
    }

    public double exercisedRecall() {
      return ratio(exercisedFound, exercised);
    }

    public double exercisedF1() {
      double p = exercisedPrecision();
      double r = exercisedRecall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double keyRecall() {
      return ratio(keysFound, keysToFind);
    }

    private static double ratio(int a, int b) {
      return b == 0 ? 1 : (double) a / b;
    }
  }

  private Evaluate() {}

  public static void main(String[] args) {
    boolean checks = !List.of(args).contains("--no-checks");
    List<Score> scores = run(checks, System.out);
    Score total = scores.get(scores.size() - 1);
    boolean met =
        total.exercisedF1() >= EXERCISED_F1
            && total.precision() >= PRECISION
            && total.keyRecall() >= KEY_RECALL;
    System.out.println(met ? "goals met" : "GOALS MISSED");
    System.exit(met ? 0 : 1);
  }

  /** Scores of each schema, then the total, printed as a table. */
  public static List<Score> run(boolean dataChecks, PrintStream out) {
    List<Score> scores = new ArrayList<>();
    for (SchemaStyle style : EvaluationCase.styles()) {
      scores.add(score(EvaluationCase.generate(style), dataChecks));
    }
    scores.add(total(scores));
    print(scores, out);
    return scores;
  }

  /** Prints scores (the last one being the total) as a table, then each schema's errors. */
  public static void print(List<Score> scores, PrintStream out) {
    out.printf(
        "%-8s %6s %5s %5s %5s | %6s %6s %6s | %6s %6s %6s | %6s%n",
        "schema", "tables", "refs", "exer", "found", "P-ex", "R-ex", "F1-ex", "P", "R", "F1",
        "PK-R");
    for (Score s : scores) {
      out.printf(
          "%-8s %6d %5d %5d %5d | %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f | %6.3f%n",
          s.name(),
          s.tables(),
          s.truth(),
          s.exercised(),
          s.correct(),
          s.exercisedPrecision(),
          s.exercisedRecall(),
          s.exercisedF1(),
          s.precision(),
          s.recall(),
          s.f1(),
          s.keyRecall());
    }
    for (Score s : scores.subList(0, scores.size() - 1)) {
      s.falsePositives().forEach(f -> out.println("  false positive " + s.name() + ": " + f));
      s.misses().forEach(f -> out.println("  missed exercised " + s.name() + ": " + f));
    }
  }

  static Score score(EvaluationCase c, boolean dataChecks) {
    RecoveryInput input = RecoveryInput.of(c.name(), c.catalog(), c.workload());
    ModelInference inference = new ModelInference();
    List<CheckResult> results = new ArrayList<>();
    for (int round = 0; dataChecks && round < 5; round++) {
      List<DataCheck> wanted = inference.plan(input, results);
      if (wanted.isEmpty()) {
        break;
      }
      results.addAll(c.answer(wanted));
    }
    RecoveryResult result = inference.recover(input, results);
    return score(c.name(), c.catalog().tables().size(), c.truth(), result);
  }

  /**
   * Scores one recovery against the truth; the truth must name tables and columns as the recovered
   * catalog does (see {@link GroundTruth#respelled}).
   */
  public static Score score(String name, int tables, GroundTruth truth, RecoveryResult result) {
    Set<String> predicted = new TreeSet<>();
    Set<String> joined = new TreeSet<>();
    for (InferredRelationship r : result.relationships()) {
      if (r.emitted()) {
        predicted.add(r.signature());
        if (r.evidence().stream().anyMatch(e -> e.detail().startsWith("join "))) {
          joined.add(r.signature());
        }
      }
    }
    int correct = (int) predicted.stream().filter(truth.relationships()::contains).count();
    int exercisedFound = (int) truth.exercised().stream().filter(predicted::contains).count();
    int correctJoined = (int) joined.stream().filter(truth.relationships()::contains).count();
    Map<String, List<String>> keys = new java.util.HashMap<>();
    for (InferredKey k : result.inferredKeys()) {
      keys.put(k.table(), k.columns());
    }
    int keysFound = 0;
    List<String> misses = new ArrayList<>();
    for (String table : truth.undeclaredKeys()) {
      List<String> expected = truth.primaryKeys().get(table);
      List<String> found = keys.get(table);
      if (found != null && Set.copyOf(found).equals(Set.copyOf(expected))) {
        keysFound++;
      } else {
        misses.add("key of " + table + " " + expected + ", inferred " + found);
      }
    }
    truth.exercised().stream().filter(r -> !predicted.contains(r)).forEach(misses::add);
    List<String> falsePositives =
        predicted.stream().filter(p -> !truth.relationships().contains(p)).toList();
    return new Score(
        name,
        tables,
        truth.relationships().size(),
        truth.exercised().size(),
        predicted.size(),
        correct,
        joined.size(),
        correctJoined,
        exercisedFound,
        truth.undeclaredKeys().size(),
        keysFound,
        falsePositives,
        misses);
  }

  /** The sum of the schemas' counts, named total. */
  public static Score total(List<Score> scores) {
    int[] n = new int[11];
    for (Score s : scores) {
      int[] v = {
        s.tables(),
        s.truth(),
        s.exercised(),
        s.predicted(),
        s.correct(),
        s.predictedExercised(),
        s.correctExercisedPredictions(),
        s.exercisedFound(),
        s.keysToFind(),
        s.keysFound(),
        0
      };
      for (int i = 0; i < n.length; i++) {
        n[i] += v[i];
      }
    }
    return new Score(
        "total", n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], List.of(), List.of());
  }
}
