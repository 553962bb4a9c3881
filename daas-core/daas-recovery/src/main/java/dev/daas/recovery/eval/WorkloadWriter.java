package dev.daas.recovery.eval;

import dev.daas.model.EvidenceChannel;
import dev.daas.recovery.eval.GeneratedSchema.Ref;
import dev.daas.recovery.eval.GeneratedSchema.Tab;
import dev.daas.recovery.evidence.StatementEvidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the SQL a legacy application would send over a generated schema: joins along most true
 * references in several shapes (explicit, implicit, EXISTS, IN, USING, composite), single-table
 * reads and writes, noise joins that are no relationships (status codes, dates, two references to
 * the same parent), and a few statements nobody can analyse. Counts and call sites vary.
 */
final class WorkloadWriter {
  private final GeneratedSchema schema;
  private final Random random;
  private final List<StatementEvidence> statements = new ArrayList<>();
  private final Set<String> exercised = new TreeSet<>();
  private final boolean mysql;

  WorkloadWriter(GeneratedSchema schema, Random random) {
    this.schema = schema;
    this.random = random;
    this.mysql = schema.style.mysql();
  }

  Set<String> exercised() {
    return exercised;
  }

  List<StatementEvidence> write() {
    double share = schema.tables.size() >= 100 ? 0.7 : 0.85;
    for (Ref r : schema.refs) {
      if (random.nextDouble() >= share) {
        continue;
      }
      exercised.add(r.signature());
      int templates = 1 + random.nextInt(3);
      for (int i = 0; i < templates; i++) {
        emit(
            join(r, random.nextInt(6)),
            "com.acme." + schema.style.name() + ".dao." + r.from().name + "Dao#q" + i);
      }
    }
    for (Tab t : schema.tables) {
      String k = q(t.key.get(0));
      emit("select * from " + q(t.name) + " where " + k + " = ?", null);
      emit("update " + q(t.name) + " set " + q(t.nameColumn()) + " = ? where " + k + " = ?", null);
      if (t.hasStatus && random.nextInt(3) == 0) {
        String stat = mysql ? "STAT_CD" : "STAT";
        emit(
            "select " + k + " from " + q(t.name) + " where " + q(stat) + " in ('A', 'C', 'X')",
            null);
      }
    }
    noise();
    emit("call refresh_" + schema.style.name() + "(?)", null);
    emit("select top 10 * from " + q(schema.tables.get(0).name), null);
    return statements;
  }

  private String join(Ref r, int shape) {
    String f = q(r.from().name);
    String t = q(r.to().name);
    StringBuilder on = new StringBuilder();
    for (int i = 0; i < r.fromColumns().size(); i++) {
      on.append(i == 0 ? "" : " and ")
          .append("a.")
          .append(q(r.fromColumns().get(i)))
          .append(" = b.")
          .append(q(r.toColumns().get(i)));
    }
    String bName = "b." + q(r.to().nameColumn());
    boolean sameNames = r.fromColumns().equals(r.toColumns()) && r.from() != r.to();
    return switch (shape) {
      case 0 ->
          "select a.*, "
              + bName
              + " from "
              + f
              + " a join "
              + t
              + " b on "
              + on
              + " where a."
              + q(r.from().key.get(0))
              + " = ?";
      case 1 ->
          "select "
              + bName
              + " from "
              + f
              + " a, "
              + t
              + " b where "
              + on
              + " and b."
              + q(r.to().key.get(0))
              + " = ?";
      case 2 ->
          "select "
              + bName
              + " from "
              + t
              + " b where exists (select 1 from "
              + f
              + " a where "
              + on
              + ")";
      case 3 ->
          r.fromColumns().size() == 1
              ? "select a."
                  + q(r.from().key.get(0))
                  + " from "
                  + f
                  + " a where a."
                  + q(r.fromColumns().get(0))
                  + " in (select b."
                  + q(r.toColumns().get(0))
                  + " from "
                  + t
                  + " b where "
                  + bName
                  + " like ?)"
              : join(r, 0);
      case 4 ->
          sameNames
              ? "select * from "
                  + f
                  + " join "
                  + t
                  + " using ("
                  + String.join(", ", r.fromColumns().stream().map(this::q).toList())
                  + ")"
              : join(r, 1);
      default ->
          "select count(*) from " + f + " a left join " + t + " b on " + on + " group by " + bName;
    };
  }

  private void noise() {
    List<Tab> mains = schema.tables.stream().filter(t -> t.hasStatus).toList();
    int n = Math.max(2, schema.refs.size() / 8);
    for (int i = 0; i < n && mains.size() > 1; i++) {
      Tab a = mains.get(random.nextInt(mains.size()));
      Tab b = mains.get(random.nextInt(mains.size()));
      if (a == b) {
        continue;
      }
      String column = i % 2 == 0 ? (mysql ? "STAT_CD" : "STAT") : "CRT_DT";
      emit(
          "select a."
              + q(a.key.get(0))
              + " from "
              + q(a.name)
              + " a join "
              + q(b.name)
              + " b on a."
              + q(column)
              + " = b."
              + q(column)
              + " where b."
              + q(b.key.get(0))
              + " = ?",
          "com.acme.Report#noise" + i);
    }
    // Keys of unrelated tables compared (a report bug, or IDs reused as "the same number").
    for (int i = 0; i < 2 && mains.size() > 1; i++) {
      Tab a = mains.get(random.nextInt(mains.size()));
      Tab b = mains.get(random.nextInt(mains.size()));
      if (a != b) {
        emit(
            "select a."
                + q(a.nameColumn())
                + " from "
                + q(a.name)
                + " a join "
                + q(b.name)
                + " b on a."
                + q(a.key.get(0))
                + " = b."
                + q(b.key.get(0)),
            "com.acme.Report#keys" + i);
      }
    }
    // Two references to the same parent joined to each other: siblings, not a relationship.
    Map<String, Ref> byTarget = new HashMap<>();
    for (Ref r : schema.refs) {
      Ref other = byTarget.putIfAbsent(r.to().qualified(), r);
      if (other != null
          && other.from() != r.from()
          && r.fromColumns().size() == 1
          && other.fromColumns().size() == 1) {
        emit(
            "select a."
                + q(r.from().key.get(0))
                + " from "
                + q(r.from().name)
                + " a join "
                + q(other.from().name)
                + " b on a."
                + q(r.fromColumns().get(0))
                + " = b."
                + q(other.fromColumns().get(0)),
            "com.acme.Report#siblings");
      }
    }
  }

  private void emit(String sql, String callSite) {
    long count = 1 + (long) Math.exp(random.nextDouble() * 9);
    EvidenceChannel channel =
        mysql && random.nextBoolean() ? EvidenceChannel.STATEMENT_STATS : EvidenceChannel.PROBE;
    statements.add(
        new StatementEvidence(
            sql, count, channel, channel == EvidenceChannel.PROBE ? callSite : null));
  }

  private String q(String identifier) {
    return mysql ? "`" + identifier + "`" : identifier;
  }
}
