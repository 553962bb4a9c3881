package dev.daas.recovery.evidence;

import static java.util.Objects.requireNonNull;

import dev.daas.model.catalog.Catalog;
import java.util.List;

/**
 * All evidence about one source that inference reads, besides data-check results.
 *
 * @param source the source name
 * @param catalog what the catalog says
 * @param statements SQL templates seen by the probe or in statement statistics
 * @param mappings ORM mappings seen by the probe
 * @param values observed column values (optional, may be empty)
 * @param thresholds per-source settings
 * @param activity how often tables were written (optional, may be empty)
 */
public record RecoveryInput(
    String source,
    Catalog catalog,
    List<StatementEvidence> statements,
    List<OrmMapping> mappings,
    List<ObservedValues> values,
    RecoveryThresholds thresholds,
    List<TableActivity> activity) {
  public RecoveryInput {
    requireNonNull(source, "source is null");
    requireNonNull(catalog, "catalog is null");
    statements = statements == null ? List.of() : List.copyOf(statements);
    mappings = mappings == null ? List.of() : List.copyOf(mappings);
    values = values == null ? List.of() : List.copyOf(values);
    thresholds = thresholds == null ? RecoveryThresholds.defaults() : thresholds;
    activity = activity == null ? List.of() : List.copyOf(activity);
  }

  /** Without write activity. */
  public RecoveryInput(
      String source,
      Catalog catalog,
      List<StatementEvidence> statements,
      List<OrmMapping> mappings,
      List<ObservedValues> values,
      RecoveryThresholds thresholds) {
    this(source, catalog, statements, mappings, values, thresholds, List.of());
  }

  /** Catalog and statements only, default thresholds. */
  public static RecoveryInput of(
      String source, Catalog catalog, List<StatementEvidence> statements) {
    return new RecoveryInput(source, catalog, statements, List.of(), List.of(), null);
  }
}
