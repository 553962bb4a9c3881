package dev.daas.recovery.infer;

import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.Evidence;
import dev.daas.model.catalog.Table;
import dev.daas.recovery.evidence.TableActivity;
import dev.daas.recovery.sql.CatalogLookup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How often an entity's rows are written, as evidence on the entity: per channel one entry naming
 * inserts, updates and deletes as orders of magnitude (0, 1, 10, 100, ...) and whether the table is
 * append-only (inserted into, never updated or deleted from: a log or history table). Orders of
 * magnitude, not exact counts, so the model, and with it its version, changes only when the
 * activity of a table changes markedly, not with every write.
 */
final class WriteActivity {
  private WriteActivity() {}

  static DataModel annotate(DataModel model, CatalogLookup lookup, List<TableActivity> activity) {
    if (activity.isEmpty()) {
      return model;
    }
    Map<String, List<Evidence>> byTable = new HashMap<>();
    for (TableActivity a : activity) {
      Optional<Table> table = table(lookup, a.table());
      table.ifPresent(
          t -> byTable.computeIfAbsent(t.qualifiedName(), k -> new ArrayList<>()).add(evidence(a)));
    }
    if (byTable.isEmpty()) {
      return model;
    }
    List<Entity> entities = new ArrayList<>();
    for (Entity e : model.entities()) {
      String name = e.schema() == null ? e.table() : e.schema() + "." + e.table();
      List<Evidence> added = byTable.get(name);
      if (added == null) {
        entities.add(e);
        continue;
      }
      List<Evidence> evidence = new ArrayList<>(e.evidence());
      added.stream().sorted(Comparator.comparing(Evidence::channel)).forEach(evidence::add);
      entities.add(e.withEvidence(evidence));
    }
    return model.withEntities(entities);
  }

  private static Optional<Table> table(CatalogLookup lookup, String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0
        ? lookup.table(null, name)
        : lookup.table(name.substring(0, dot), name.substring(dot + 1));
  }

  static Evidence evidence(TableActivity a) {
    long total = a.inserts() + a.updates() + a.deletes();
    String detail =
        "rows written, as orders of magnitude: "
            + magnitude(a.inserts())
            + " inserted, "
            + magnitude(a.updates())
            + " updated, "
            + magnitude(a.deletes())
            + " deleted"
            + (a.inserts() > 0 && a.updates() == 0 && a.deletes() == 0 ? "; append-only" : "");
    return new Evidence(a.channel(), detail, magnitude(total));
  }

  /** The largest power of ten not above {@code n}; 0 for 0. */
  static long magnitude(long n) {
    long m = 1;
    if (n <= 0) {
      return 0;
    }
    while (m <= n / 10) {
      m *= 10;
    }
    return m;
  }
}
