package dev.daas.it.recovery;

import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Table;
import dev.daas.model.connector.DataInspector;
import dev.daas.model.error.DaasException;
import dev.daas.recovery.evidence.CheckResult;
import dev.daas.recovery.evidence.DataCheck;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's ModelRecovery.DataChecks outside the server: runs the checks inference asks for on
 * the source through its {@link DataInspector}, within a count and a time budget; a check the
 * database refuses is left out, as there.
 */
final class BudgetedChecks {
  private final DataInspector inspector;
  private final Map<String, Table> tables = new HashMap<>();
  private final int maxChecks;
  private final long deadline;
  private final int sampleRows;
  int run;
  int skipped;

  BudgetedChecks(
      DataInspector inspector, Catalog catalog, int maxChecks, Duration budget, int sampleRows) {
    this.inspector = inspector;
    this.maxChecks = maxChecks;
    this.deadline = System.nanoTime() + budget.toNanos();
    this.sampleRows = sampleRows;
    catalog.tables().forEach(t -> tables.put(t.qualifiedName(), t));
  }

  boolean runAll(List<DataCheck> wanted, List<CheckResult> results) {
    for (int i = 0; i < wanted.size(); i++) {
      if (run >= maxChecks || System.nanoTime() > deadline) {
        skipped += wanted.size() - i;
        return false;
      }
      run++;
      try {
        results.add(answer(wanted.get(i)));
      } catch (DaasException e) {
        System.err.println("data check " + wanted.get(i) + " failed: " + e.getMessage());
      }
    }
    return true;
  }

  private CheckResult answer(DataCheck check) {
    DataInspector.CheckCounts counts;
    if (check instanceof DataCheck.Uniqueness u) {
      Table t = tables.get(u.table());
      counts = inspector.uniqueness(t.schema(), t.name(), u.columns(), sampleRows);
    } else {
      DataCheck.Inclusion i = (DataCheck.Inclusion) check;
      Table t = tables.get(i.table());
      Table r = tables.get(i.referencedTable());
      counts =
          inspector.inclusion(
              t.schema(),
              t.name(),
              i.columns(),
              r.schema(),
              r.name(),
              i.referencedColumns(),
              sampleRows);
    }
    return new CheckResult(check, counts.examined(), counts.violations());
  }
}
