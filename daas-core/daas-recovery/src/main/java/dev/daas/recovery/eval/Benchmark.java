package dev.daas.recovery.eval;

import dev.daas.model.DataType;
import dev.daas.model.EntityKind;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Column;
import dev.daas.model.catalog.PrimaryKey;
import dev.daas.model.catalog.Table;
import dev.daas.recovery.evidence.CheckResult;
import dev.daas.recovery.evidence.DataCheck;
import dev.daas.recovery.evidence.RecoveryInput;
import dev.daas.recovery.evidence.StatementEvidence;
import dev.daas.recovery.infer.ModelInference;
import dev.daas.recovery.infer.RecoveryResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Scale benchmark without JMH: a generated schema of 2,000 tables (random abbreviated names, 70%
 * without a declared key, up to three references each) and 100,000 distinct statement templates,
 * recovered through both planning rounds (all checks answered "holds", a worst case for the amount
 * of work) and the final recovery. Prints the wall time of each phase and the heap used. Goal of
 * issue 4: under 30 s within a 1 GiB heap. Run with {@code java -Xmx1g -cp ...
 * dev.daas.recovery.eval.Benchmark [tables] [templates]}.
 */
public final class Benchmark {
  private Benchmark() {}

  public static void main(String[] args) {
    int tableCount = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int templateCount = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Random random = new Random(2026);
    List<Table> tables = new ArrayList<>();
    List<String[]> refs = new ArrayList<>(); // from table, from column, to table, to column
    Set<String> stems = new HashSet<>();
    for (int i = 0; i < tableCount; i++) {
      String stem;
      do {
        stem = word(random, 3 + random.nextInt(3));
      } while (!stems.add(stem));
      List<Column> columns = new ArrayList<>();
      String key = stem + "_ID";
      columns.add(column(key, DataType.INTEGER, false));
      columns.add(column(stem.charAt(0) + "_NM", DataType.STRING, true));
      columns.add(column("STAT", DataType.STRING, false));
      columns.add(column("CRT_DT", DataType.DATE, false));
      for (int r = 0; r < 3 && i > 0; r++) {
        Table to = tables.get(random.nextInt(tables.size()));
        String toKey = to.columns().get(0).name();
        if (columns.stream().noneMatch(c -> c.name().equals(toKey))) {
          columns.add(column(toKey, DataType.INTEGER, true));
          refs.add(new String[] {"T_" + stem, toKey, to.name(), toKey});
        }
      }
      tables.add(
          new Table(
              "app",
              "T_" + stem,
              EntityKind.TABLE,
              null,
              columns,
              random.nextInt(10) < 3 ? new PrimaryKey("pk", List.of(key)) : null,
              List.of(),
              List.of(),
              List.of()));
    }
    List<StatementEvidence> statements = new ArrayList<>();
    for (int i = 0; i < templateCount; i++) {
      String[] r = refs.get(random.nextInt(refs.size()));
      String sql =
          i % 4 == 3
              ? "select * from "
                  + r[2]
                  + " where "
                  + r[3]
                  + " = ? and CRT_DT > ? and STAT in (?) limit "
                  + i
              : "select a."
                  + r[1]
                  + ", b."
                  + r[3]
                  + ", "
                  + i
                  + " from "
                  + r[0]
                  + " a join "
                  + r[2]
                  + " b on a."
                  + r[1]
                  + " = b."
                  + r[3]
                  + " where a.STAT = ? and b.CRT_DT > ?";
      statements.add(
          new StatementEvidence(
              sql,
              1 + random.nextInt(1000),
              EvidenceChannel.PROBE,
              "com.acme.Dao" + (i % 500) + "#m"));
    }
    RecoveryInput input =
        RecoveryInput.of("bench", new Catalog("PostgreSQL 16", tables), statements);
    ModelInference inference = new ModelInference();
    long start = System.nanoTime();
    List<DataCheck> first = inference.plan(input, List.of());
    long afterFirst = System.nanoTime();
    List<CheckResult> answers = new ArrayList<>();
    first.forEach(c -> answers.add(new CheckResult(c, 1000, 0)));
    List<DataCheck> second = inference.plan(input, answers);
    second.forEach(c -> answers.add(new CheckResult(c, 1000, 0)));
    long afterSecond = System.nanoTime();
    RecoveryResult result = inference.recover(input, answers);
    long end = System.nanoTime();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        "%d tables, %d templates (%d parsed, %d of them skimmed): plan 1 %.1f s (%d checks, includes parsing), plan 2 %.1f s"
            + " (%d checks), recover %.1f s; total %.1f s; %d relationships, %d keys inferred;"
            + " heap used %d MiB of max %d MiB%n",
        tableCount,
        result.statements().templates(),
        result.statements().parsed(),
        result.statements().skimmed(),
        (afterFirst - start) / 1e9,
        first.size(),
        (afterSecond - afterFirst) / 1e9,
        second.size(),
        (end - afterSecond) / 1e9,
        (end - start) / 1e9,
        result.model().relationships().size(),
        result.inferredKeys().size(),
        (rt.totalMemory() - rt.freeMemory()) >> 20,
        rt.maxMemory() >> 20);
  }

  private static String word(Random random, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append((char) ('A' + random.nextInt(26)));
    }
    return s.toString();
  }

  private static Column column(String name, DataType type, boolean nullable) {
    String nativeType =
        type == DataType.STRING ? "varchar" : type == DataType.DATE ? "date" : "integer";
    return new Column(
        name, type, nativeType, nullable, null, null, null, null, null, List.of(), false);
  }
}
