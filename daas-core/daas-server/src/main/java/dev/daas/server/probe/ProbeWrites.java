package dev.daas.server.probe;

import dev.daas.recovery.sql.SqlTables;
import dev.daas.server.cdc.CoarseChanges;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The writes a probe batch reports, per table and operation: each insert, update, delete or merge
 * template's executions that did not throw ({@code count - errors}), attributed to the tables
 * {@link SqlTables} finds it writes. A merge writes {@code merge} (insert or update, the probe
 * cannot tell which). Templates that do not parse are left out.
 */
final class ProbeWrites {
  private static final Set<String> WRITING = Set.of("insert", "update", "delete", "merge");

  private ProbeWrites() {}

  static List<CoarseChanges.Write> of(ProbeBatch batch) {
    List<CoarseChanges.Write> writes = new ArrayList<>();
    for (ProbeBatch.Statement statement : batch.statements()) {
      long executions = statement.count() - statement.errors();
      if (executions <= 0 || !WRITING.contains(statement.operation())) {
        continue;
      }
      for (SqlTables.TableUse use : SqlTables.analyze(statement.template()).tables()) {
        Set<SqlTables.Operation> written = EnumSet.noneOf(SqlTables.Operation.class);
        written.addAll(use.operations());
        written.remove(SqlTables.Operation.SELECT);
        String operation = operation(written);
        if (operation != null) {
          writes.add(new CoarseChanges.Write(use.table(), operation, executions));
        }
      }
    }
    return writes;
  }

  private static String operation(Set<SqlTables.Operation> written) {
    if (written.contains(SqlTables.Operation.INSERT)
        && written.contains(SqlTables.Operation.UPDATE)) {
      return "merge";
    }
    if (written.contains(SqlTables.Operation.INSERT)) {
      return "create";
    }
    if (written.contains(SqlTables.Operation.UPDATE)) {
      return "update";
    }
    return written.contains(SqlTables.Operation.DELETE) ? "delete" : null;
  }
}
