package dev.daas.recovery.eval;

import dev.daas.recovery.eval.GeneratedSchema.Col;
import dev.daas.recovery.eval.GeneratedSchema.Tab;
import dev.daas.recovery.evidence.CheckResult;
import dev.daas.recovery.evidence.DataCheck;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SIMULATED data checks: answers computed from the generator's ground truth and value domains, not
 * from a database. Uniqueness holds exactly for supersets of the true key. Inclusion holds for true
 * references and, as in real data, by accident where value spaces overlap: every serial integer key
 * shares one space, so {@code T_ORD.CUST_ID} (values 1..700) is "included" in any table with at
 * least 700 serial keys. integration-tests' {@code RealDatabaseEvaluationIT} answers the same
 * checks on real databases instead, loaded with {@link SyntheticRows}.
 */
final class SimulatedData {
  private static final long SAMPLE = 10_000;
  private final Map<String, Tab> tables = new HashMap<>();
  private final Set<String> truth = new HashSet<>();

  SimulatedData(GeneratedSchema schema) {
    schema.tables.forEach(t -> tables.put(t.qualified(), t));
    schema.refs.forEach(r -> truth.add(r.signature()));
  }

  CheckResult answer(DataCheck check) {
    if (check instanceof DataCheck.Uniqueness u) {
      Tab t = tables.get(u.table());
      long rows = Math.min(SAMPLE, t.rows);
      boolean unique = u.columns().containsAll(t.key);
      return new CheckResult(check, rows, unique ? 0 : Math.max(1, rows / 10));
    }
    DataCheck.Inclusion i = (DataCheck.Inclusion) check;
    Tab from = tables.get(i.table());
    Tab to = tables.get(i.referencedTable());
    long rows = Math.min(SAMPLE, from.rows);
    boolean holds =
        truth.contains(
                i.table() + i.columns() + " -> " + i.referencedTable() + i.referencedColumns())
            || accidental(from, i.columns(), to, i.referencedColumns());
    return new CheckResult(check, rows, holds ? 0 : Math.max(1, rows / 3));
  }

  private static boolean accidental(
      Tab from, List<String> columns, Tab to, List<String> referenced) {
    if (columns.size() != 1) {
      return false;
    }
    Col a = from.column(columns.get(0));
    Col b = to.column(referenced.get(0));
    return a != null && b != null && a.domain.equals(b.domain) && a.max <= b.max;
  }
}
