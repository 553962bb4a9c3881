package dev.daas.recovery.check;

import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Table;
import dev.daas.model.connector.DataInspector;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.recovery.evidence.CheckResult;
import dev.daas.recovery.evidence.DataCheck;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the data checks inference asks for on a source through its {@link DataInspector}, within a
 * count and a time budget, each reading at most {@code sampleRows} rows. The one part of recovery
 * that touches a source (through the connector SPI, never a driver); inference stays pure and only
 * reads the {@link CheckResult}s. A check the database refuses is left out and counted as failed.
 */
public final class BudgetedChecks {
  private static final System.Logger LOG = System.getLogger(BudgetedChecks.class.getName());

  private final DataInspector inspector;
  private final Map<String, Table> tables = new HashMap<>();
  private final int maxChecks;
  private final int sampleRows;
  private final long deadline;
  private int run;
  private int skipped;
  private int failed;

  public BudgetedChecks(
      DataInspector inspector, Catalog catalog, int maxChecks, Duration budget, int sampleRows) {
    this.inspector = inspector;
    this.maxChecks = maxChecks;
    this.sampleRows = sampleRows;
    this.deadline = System.nanoTime() + budget.toNanos();
    catalog.tables().forEach(t -> tables.put(t.qualifiedName(), t));
  }

  /** Runs what the budget allows, adding answers to {@code results}; false when it is spent. */
  public boolean runAll(List<DataCheck> wanted, List<CheckResult> results) {
    for (int i = 0; i < wanted.size(); i++) {
      if (run >= maxChecks || System.nanoTime() > deadline) {
        skipped += wanted.size() - i;
        return false;
      }
      run++;
      try {
        results.add(answer(wanted.get(i)));
      } catch (DaasException e) {
        failed++;
        LOG.log(
            System.Logger.Level.DEBUG,
            "data check " + wanted.get(i) + " failed: " + e.getMessage());
      }
    }
    return true;
  }

  /** Checks run (answered or failed). */
  public int run() {
    return run;
  }

  /** Checks asked for but left out because the budget was spent. */
  public int skipped() {
    return skipped;
  }

  /** Checks the database refused. */
  public int failed() {
    return failed;
  }

  private CheckResult answer(DataCheck check) {
    DataInspector.CheckCounts counts;
    if (check instanceof DataCheck.Uniqueness u) {
      Table t = table(u.table());
      counts = inspector.uniqueness(t.schema(), t.name(), u.columns(), sampleRows);
    } else {
      DataCheck.Inclusion i = (DataCheck.Inclusion) check;
      Table t = table(i.table());
      Table r = table(i.referencedTable());
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

  private Table table(String qualifiedName) {
    Table t = tables.get(qualifiedName);
    if (t == null) {
      throw new DaasException(ErrorCode.INTERNAL, "no table " + qualifiedName + " in catalog");
    }
    return t;
  }
}
