package dev.daas.it.recovery;

import dev.daas.connector.jdbc.JdbcConnector;
import dev.daas.model.DataType;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.connector.DataInspector;
import dev.daas.model.connector.DataInspector.StatementStatistic;
import dev.daas.model.connector.SourceConfig;
import dev.daas.model.connector.SourceConnection;
import dev.daas.recovery.check.BudgetedChecks;
import dev.daas.recovery.eval.Evaluate;
import dev.daas.recovery.eval.EvaluationCase;
import dev.daas.recovery.eval.SchemaStyle;
import dev.daas.recovery.eval.SyntheticRows;
import dev.daas.recovery.evidence.CheckResult;
import dev.daas.recovery.evidence.DataCheck;
import dev.daas.recovery.evidence.RecoveryInput;
import dev.daas.recovery.evidence.RecoveryThresholds;
import dev.daas.recovery.evidence.StatementEvidence;
import dev.daas.recovery.infer.InferredRelationship;
import dev.daas.recovery.infer.ModelInference;
import dev.daas.recovery.infer.RecoveryResult;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The recovery evaluation against real databases: loads a generated legacy schema into the local
 * PostgreSQL or MariaDB (no foreign keys, most primary keys removed, data consistent with the
 * truth), plays the application's workload, then recovers as the server's {@code ModelRecovery}
 * does, with its default settings: the catalog read by the JDBC connector, the database's own
 * statement statistics (no probe), and at most 1,000 bounded data checks in 20 s over three
 * planning rounds, run by the connector on the database. Scores with {@link Evaluate#score}.
 */
final class RealDatabaseEvaluation {
  /** ModelRecovery's defaults (RecoveryConfig). */
  static final int MAX_CHECKS = Integer.getInteger("eval.maxChecks", 1000);

  static final int SAMPLE_ROWS = 10_000;
  static final Duration CHECK_BUDGET = Duration.ofSeconds(20);
  static final int CHECK_ROUNDS = 3;
  static final int STATEMENT_STATISTICS = 5_000;

  /** Rows per table at most, and the divisor of the workload's execution counts. */
  private final int maxRows;

  private final int executionScale;
  private final PrintStream log;

  RealDatabaseEvaluation(int maxRows, int executionScale, PrintStream log) {
    this.maxRows = maxRows;
    this.executionScale = executionScale;
    this.log = log;
  }

  /** What one run measured. */
  record Run(Evaluate.Score score, int statements, int checksRun, int checksSkipped) {}

  Run run(EvaluationDatabase database, SchemaStyle style) throws SQLException {
    long start = System.nanoTime();
    EvaluationCase c = EvaluationCase.generate(style);
    String schema = "eval_" + style.name();
    List<SyntheticRows.TableRows> rows = c.rows(maxRows).tables();
    database.recreate(schema);
    try (Connection connection = database.open(schema)) {
      database.load(connection, rows, c.catalog().tables());
    }
    long loaded = System.nanoTime();
    SourceConfig config =
        new SourceConfig(
            schema,
            database.sourceUrl(schema),
            database.user(),
            null,
            List.of(schema),
            2,
            Duration.ofSeconds(5),
            Duration.ofSeconds(30));
    try (SourceConnection source = new JdbcConnector().connect(config);
        Connection connection = database.open(schema)) {
      DataInspector inspector = source.inspector();
      database.resetStatistics(connection);
      Map<String, Long> before = calls(inspector);
      WorkloadReplay.Replayed replayed =
          WorkloadReplay.run(connection, c.workload(), columnTypes(c), executionScale);
      long played = System.nanoTime();
      Catalog catalog = source.catalog().introspect();
      List<StatementEvidence> statements = statements(inspector, before, catalog);
      RecoveryInput input =
          new RecoveryInput(
              schema,
              catalog,
              statements,
              List.of(),
              List.of(),
              new RecoveryThresholds(0.6, 0.5, 0.01, MAX_CHECKS, 20));
      ModelInference inference = new ModelInference();
      BudgetedChecks checks =
          new BudgetedChecks(inspector, catalog, MAX_CHECKS, CHECK_BUDGET, SAMPLE_ROWS);
      List<CheckResult> results = new ArrayList<>();
      for (int round = 0; round < CHECK_ROUNDS; round++) {
        List<DataCheck> wanted = inference.plan(input, results);
        if (wanted.isEmpty() || !checks.runAll(wanted, results)) {
          break;
        }
      }
      RecoveryResult result = inference.recover(input, results);
      Evaluate.Score score =
          Evaluate.score(
              database.name().toLowerCase(Locale.ROOT) + "/" + style.name(),
              catalog.tables().size(),
              c.truth().respelled(style.name(), schema, database.foldsToLowerCase()),
              result);
      explain(score, result);
      long end = System.nanoTime();
      log.printf(
          "%s %s: %d rows loaded in %.1f s; %d templates (%d refused), %d executions in %.1f s;"
              + " %d statements from statistics; %d checks run, %d skipped; %s; recovery %.1f s%n",
          database,
          schema,
          rows.stream().mapToInt(t -> t.rows().size()).sum(),
          (loaded - start) / 1e9,
          replayed.templates(),
          replayed.refused(),
          replayed.executions(),
          (played - loaded) / 1e9,
          statements.size(),
          checks.run(),
          checks.skipped(),
          inclusions(results),
          (end - played) / 1e9);
      return new Run(score, statements.size(), checks.run(), checks.skipped());
    }
  }

  /** How the inclusion checks came out, with those on noise columns and those with orphans. */
  private static String inclusions(List<CheckResult> results) {
    int run = 0;
    int held = 0;
    int noise = 0;
    int noiseHeld = 0;
    int orphansTolerated = 0;
    for (CheckResult r : results) {
      if (r.check() instanceof DataCheck.Inclusion i && r.conclusive()) {
        boolean holds = r.violations() <= 0.01 * r.rowsExamined();
        run++;
        held += holds ? 1 : 0;
        orphansTolerated += holds && r.violations() > 0 ? 1 : 0;
        if (i.columns().get(0).toUpperCase(Locale.ROOT).startsWith(SyntheticRows.NOISE_PREFIX)) {
          noise++;
          noiseHeld += holds ? 1 : 0;
        }
      }
    }
    return String.format(
        "inclusion held %d of %d (%d with tolerated orphans), on noise columns %d of %d",
        held, run, orphansTolerated, noiseHeld, noise);
  }

  /** Why each false positive and each missed relationship came out as it did. */
  private void explain(Evaluate.Score score, RecoveryResult result) {
    Map<String, InferredRelationship> bySignature = new HashMap<>();
    result.relationships().forEach(r -> bySignature.put(r.signature(), r));
    List<String> wrong = new ArrayList<>(score.falsePositives());
    wrong.addAll(score.misses());
    for (String signature : wrong) {
      InferredRelationship r = bySignature.get(signature);
      log.printf(
          "  %s: %s%n",
          signature,
          r == null
              ? "never proposed"
              : "confidence "
                  + r.confidence()
                  + ", "
                  + r.evidence().stream().map(e -> e.detail()).toList());
    }
  }

  private static Map<String, DataType> columnTypes(EvaluationCase c) {
    Map<String, DataType> types = new HashMap<>();
    c.catalog()
        .tables()
        .forEach(t -> t.columns().forEach(col -> types.put(col.name(), col.type())));
    return types;
  }

  /** Calls per statement text before the workload (MariaDB's digests are never reset here). */
  private static Map<String, Long> calls(DataInspector inspector) {
    Map<String, Long> calls = new HashMap<>();
    inspector
        .statementStatistics(STATEMENT_STATISTICS)
        .forEach(s -> calls.put(s.text(), s.calls()));
    return calls;
  }

  /**
   * The statistics the workload added, as ModelRecovery reads them: only statements naming a table
   * of the source.
   */
  private static List<StatementEvidence> statements(
      DataInspector inspector, Map<String, Long> before, Catalog catalog) {
    Set<String> tables =
        catalog.tables().stream()
            .map(t -> t.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    List<StatementEvidence> statements = new ArrayList<>();
    for (StatementStatistic s : inspector.statementStatistics(STATEMENT_STATISTICS)) {
      long calls = s.calls() - before.getOrDefault(s.text(), 0L);
      if (calls > 0 && mentionsAny(s.text(), tables)) {
        statements.add(
            new StatementEvidence(s.text(), calls, EvidenceChannel.STATEMENT_STATS, null));
      }
    }
    return statements;
  }

  /** ModelRecovery.mentionsAny: an identifier of the statement names one of the tables. */
  static boolean mentionsAny(String sql, Set<String> tableNames) {
    for (String word : sql.split("[^\\p{Alnum}_$]+")) {
      if (tableNames.contains(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
