package dev.daas.recovery.eval;

import dev.daas.model.DataType;
import dev.daas.model.EntityKind;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Column;
import dev.daas.model.catalog.PrimaryKey;
import dev.daas.model.catalog.Table;
import dev.daas.model.catalog.TableIndex;
import dev.daas.recovery.eval.GeneratedSchema.Col;
import dev.daas.recovery.eval.GeneratedSchema.Tab;
import dev.daas.recovery.evidence.CheckResult;
import dev.daas.recovery.evidence.DataCheck;
import dev.daas.recovery.evidence.StatementEvidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * One generated legacy schema as recovery sees it (a catalog without foreign keys and with most
 * primary keys removed, a workload of SQL templates) beside the truth to score against and the
 * simulated answers to data checks.
 */
public final class EvaluationCase {
  private final String name;
  private final Catalog catalog;
  private final List<StatementEvidence> workload;
  private final GroundTruth truth;
  private final SimulatedData data;
  private final GeneratedSchema schema;

  private EvaluationCase(
      String name,
      Catalog catalog,
      List<StatementEvidence> workload,
      GroundTruth truth,
      GeneratedSchema schema) {
    this.name = name;
    this.schema = schema;
    this.catalog = catalog;
    this.workload = workload;
    this.truth = truth;
    this.data = new SimulatedData(schema);
  }

  /** The five schemas of the evaluation. */
  public static List<SchemaStyle> styles() {
    return List.of(
        new SchemaStyle("erp", 40, "T_", false, false, "ID", false, 11),
        new SchemaStyle("billing", 25, "", false, true, "ID", false, 22),
        new SchemaStyle("campus", 60, "TBL_", true, false, "NO", false, 33),
        new SchemaStyle("city", 15, "", false, false, "NO", true, 44),
        new SchemaStyle("crm", 100, "TB_", false, false, "ID", true, 55));
  }

  public static EvaluationCase generate(SchemaStyle style) {
    GeneratedSchema schema = LegacySchemaGenerator.generate(style);
    Random random = new Random(style.seed() * 31 + 7);
    List<Table> tables = new ArrayList<>();
    Map<String, List<String>> keys = new LinkedHashMap<>();
    Set<String> undeclared = new TreeSet<>();
    for (Tab t : schema.tables) {
      List<Column> columns = new ArrayList<>();
      for (Col c : t.columns) {
        columns.add(
            new Column(
                c.name,
                c.type,
                nativeType(c.type),
                c.nullable,
                null,
                null,
                c.type == DataType.STRING ? 40 : null,
                null,
                null,
                List.of(),
                false));
      }
      boolean declare = random.nextInt(10) < 3;
      boolean uniqueIndex = !declare && random.nextInt(10) == 0;
      keys.put(t.qualified(), List.copyOf(t.key));
      if (!declare) {
        undeclared.add(t.qualified());
      }
      tables.add(
          new Table(
              style.name(),
              t.name,
              EntityKind.TABLE,
              null,
              columns,
              declare ? new PrimaryKey("pk_" + t.name, t.key) : null,
              List.of(),
              List.of(),
              uniqueIndex ? List.of(new TableIndex("ux_" + t.name, t.key, true)) : List.of()));
    }
    Set<String> relationships = new TreeSet<>();
    schema.refs.forEach(r -> relationships.add(r.signature()));
    WorkloadWriter writer = new WorkloadWriter(schema, new Random(style.seed() * 17 + 3));
    List<StatementEvidence> workload = writer.write();
    Catalog catalog = new Catalog(style.mysql() ? "MariaDB 11.8" : "PostgreSQL 16", tables);
    return new EvaluationCase(
        style.name(),
        catalog,
        workload,
        new GroundTruth(relationships, writer.exercised(), keys, undeclared),
        schema);
  }

  private static String nativeType(DataType type) {
    return switch (type) {
      case STRING -> "varchar";
      case DATE -> "date";
      case DECIMAL -> "numeric";
      default -> "integer";
    };
  }

  public String name() {
    return name;
  }

  public Catalog catalog() {
    return catalog;
  }

  public List<StatementEvidence> workload() {
    return workload;
  }

  public GroundTruth truth() {
    return truth;
  }

  /** Rows for a real database, consistent with the truth: see {@link SyntheticRows}. */
  public SyntheticRows rows(int maxRowsPerTable) {
    return SyntheticRows.generate(schema, maxRowsPerTable);
  }

  /** SIMULATED: see {@link SimulatedData}. */
  public List<CheckResult> answer(List<DataCheck> checks) {
    return checks.stream().map(data::answer).toList();
  }
}
