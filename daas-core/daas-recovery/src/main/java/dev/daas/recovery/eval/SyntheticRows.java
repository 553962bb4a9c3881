package dev.daas.recovery.eval;

import dev.daas.model.DataType;
import dev.daas.recovery.eval.GeneratedSchema.Col;
import dev.daas.recovery.eval.GeneratedSchema.Kind;
import dev.daas.recovery.eval.GeneratedSchema.Ref;
import dev.daas.recovery.eval.GeneratedSchema.Tab;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Rows to load a generated schema into a real database, consistent with its ground truth and shaped
 * like legacy data: serial keys {@code 1..n} (so every integer key shares one value space and
 * unrelated keys include each other by accident), reference values drawn from a leading share of
 * the parent's keys, nulls in nullable columns, a few orphans (values of deleted parents, at most
 * about 0.5% of a reference's distinct values) in large tables' references to main tables, and
 * noise columns named like a reference ({@code OLD_CUST_ID}, a predecessor system's number) whose
 * values mostly, but not all, fall among the named table's keys. Deterministic per schema.
 *
 * <p>Row counts are the generator's, compressed above 200 rows ({@code 200 * sqrt(rows / 200)}) and
 * capped, so a schema loads in seconds while small tables stay small.
 */
public final class SyntheticRows {
  /** A column as created in the database: the catalog's columns, then noise columns. */
  public record ColumnSpec(String name, DataType type, boolean nullable) {}

  /** One table's columns and rows; values are Integer, String, LocalDate, BigDecimal or null. */
  public record TableRows(String table, List<ColumnSpec> columns, List<Object[]> rows) {}

  /** Prefix of the noise columns, which reference nothing. */
  public static final String NOISE_PREFIX = "OLD_";

  private static final String[] STATUS = {"A", "C", "X", "P", "D"};
  private static final LocalDate EPOCH = LocalDate.of(1998, 1, 1);

  private final GeneratedSchema schema;
  private final int maxRows;
  private final Random random;
  private final Map<Tab, Integer> counts = new HashMap<>();
  private final Map<Tab, List<Object[]>> generated = new HashMap<>();
  private final List<TableRows> tables = new ArrayList<>();

  private SyntheticRows(GeneratedSchema schema, int maxRows) {
    this.schema = schema;
    this.maxRows = maxRows;
    this.random = new Random(schema.style.seed() * 101 + 5);
  }

  static SyntheticRows generate(GeneratedSchema schema, int maxRowsPerTable) {
    if (maxRowsPerTable < 1) {
      throw new IllegalArgumentException("maxRowsPerTable must be positive: " + maxRowsPerTable);
    }
    SyntheticRows rows = new SyntheticRows(schema, maxRowsPerTable);
    schema.tables.forEach(t -> rows.counts.put(t, rows.scaled(t.rows)));
    schema.tables.forEach(rows::fill);
    return rows;
  }

  /** Tables in creation order (a composite reference's target comes before its source). */
  public List<TableRows> tables() {
    return List.copyOf(tables);
  }

  int scaled(long rows) {
    long n = rows <= 200 ? rows : Math.round(200 * Math.sqrt(rows / 200.0));
    return (int) Math.max(1, Math.min(maxRows, n));
  }

  private void fill(Tab t) {
    int n = counts.get(t);
    List<ColumnSpec> columns = new ArrayList<>();
    t.columns.forEach(c -> columns.add(new ColumnSpec(c.name, c.type, c.nullable)));
    Tab noiseTarget = t.kind == Kind.MAIN && random.nextInt(3) == 0 ? noiseTarget(t) : null;
    String noiseColumn = noiseTarget == null ? null : noiseName(noiseTarget);
    if (noiseColumn != null && t.column(noiseColumn) == null) {
      columns.add(new ColumnSpec(noiseColumn, DataType.INTEGER, true));
    } else {
      noiseTarget = null;
    }
    Map<String, Ref> refs = new HashMap<>();
    schema.refs.stream()
        .filter(r -> r.from() == t)
        .forEach(r -> r.fromColumns().forEach(c -> refs.put(c, r)));
    Map<Ref, Boolean> orphans = new HashMap<>();
    Map<Object, Integer> lines = new HashMap<>();
    Set<List<Object>> keys = new HashSet<>();
    List<Object[]> rows = new ArrayList<>(n);
    for (int i = 0; rows.size() < n && i < n * 3; i++) {
      Object[] row = new Object[columns.size()];
      Map<Ref, Object[]> picked = new HashMap<>();
      for (int c = 0; c < t.columns.size(); c++) {
        Col col = t.columns.get(c);
        Ref ref = refs.get(col.name);
        if (t.key.size() == 1 && t.key.get(0).equals(col.name) && ref == null) {
          row[c] = key(t, rows.size() + 1);
        } else if (ref != null && ref.fromColumns().size() > 1) {
          Object[] tuple = picked.computeIfAbsent(ref, this::parentTuple);
          row[c] = tuple == null ? null : tuple[ref.fromColumns().indexOf(col.name)];
        } else if (ref != null) {
          boolean orphaned =
              orphans.computeIfAbsent(ref, r -> orphanable(r, n) && random.nextInt(3) == 0);
          row[c] = reference(col, ref, orphaned);
        } else if (t.key.size() == 2 && t.key.get(1).equals(col.name)) {
          row[c] = lines.merge(row[t.columns.indexOf(t.column(t.key.get(0)))], 1, Integer::sum);
        } else {
          row[c] = value(col, rows.size());
        }
      }
      if (noiseTarget != null) {
        int bound = (int) Math.ceil(counts.get(noiseTarget) * 1.05) + 1;
        row[row.length - 1] = random.nextInt(10) < 3 ? null : 1 + random.nextInt(bound);
      }
      if (t.key.size() > 1 && !unique(t, row, keys)) {
        continue;
      }
      rows.add(row);
    }
    generated.put(t, rows);
    tables.add(new TableRows(t.name, List.copyOf(columns), rows));
  }

  private boolean unique(Tab t, Object[] row, Set<List<Object>> keys) {
    List<Object> key = new ArrayList<>();
    for (String k : t.key) {
      Object v = row[t.columns.indexOf(t.column(k))];
      if (v == null) {
        return false;
      }
      key.add(v);
    }
    return keys.add(key);
  }

  /** Large tables referencing main tables with many keys may hold values of deleted parents. */
  private boolean orphanable(Ref r, int rows) {
    return r.to().kind == Kind.MAIN && rows >= 2000 && share(r) * counts.get(r.to()) >= 1000;
  }

  private Object reference(Col col, Ref r, boolean orphaned) {
    if (col.nullable && random.nextInt(10) == 0) {
      return null;
    }
    int parents = counts.get(r.to());
    if (orphaned && random.nextInt(1000) == 0) {
      return key(r.to(), parents + 1 + random.nextInt(50));
    }
    int range = (int) Math.max(1, Math.round(share(r) * parents));
    return key(r.to(), 1 + random.nextInt(range));
  }

  /** The leading share of the parent's keys that the generator let the reference use. */
  private static double share(Ref r) {
    Col key = r.to().column(r.toColumns().get(0));
    Col own = r.from().column(r.fromColumns().get(0));
    return key.max == 0 ? 1 : Math.min(1, (double) own.max / key.max);
  }

  /** Key values of a row of the parent of a composite reference, or null (nullable, 10%). */
  private Object[] parentTuple(Ref r) {
    if (r.from().column(r.fromColumns().get(0)).nullable && random.nextInt(10) == 0) {
      return null;
    }
    List<Object[]> parentRows = generated.get(r.to());
    if (parentRows == null || parentRows.isEmpty()) {
      return null;
    }
    Object[] parent = parentRows.get(random.nextInt(parentRows.size()));
    Object[] tuple = new Object[r.toColumns().size()];
    for (int i = 0; i < tuple.length; i++) {
      tuple[i] = parent[r.to().columns.indexOf(r.to().column(r.toColumns().get(i)))];
    }
    return tuple;
  }

  private static Object key(Tab t, int n) {
    Col key = t.column(t.key.get(0));
    return key.type == DataType.STRING ? code(t, n) : (Object) n;
  }

  /** Lookup codes: the initials of the table's abbreviation and a number ({@code CT07}). */
  private static String code(Tab t, int n) {
    return t.abbreviation.replaceAll("([A-Z])[A-Z]*_?", "$1") + String.format("%02d", n);
  }

  private Object value(Col c, int row) {
    if (c.nullable && random.nextInt(20) == 0) {
      return null;
    }
    if (c.domain.startsWith("text:")) {
      return c.name.charAt(0) + " " + Long.toString(random.nextInt(1_000_000), 36) + " " + row;
    }
    return switch (c.domain) {
      case "status" -> STATUS[random.nextInt(STATUS.length)];
      case "date" -> EPOCH.plusDays(random.nextInt((int) Math.max(1, c.max)));
      case "amount" -> BigDecimal.valueOf(random.nextInt(10_000_000), 2);
      default ->
          c.type == DataType.STRING
              ? "V" + random.nextInt((int) Math.max(1, c.max))
              : (Object) (1 + random.nextInt((int) Math.max(1, c.max)));
    };
  }

  private Tab noiseTarget(Tab t) {
    List<Tab> mains =
        schema.tables.stream()
            .filter(o -> o.kind == Kind.MAIN && o != t && o.key.size() == 1)
            .toList();
    return mains.isEmpty() ? null : mains.get(random.nextInt(mains.size()));
  }

  private static String noiseName(Tab target) {
    String key = target.key.get(0);
    return NOISE_PREFIX + ("ID".equals(key) ? target.abbreviation + "_ID" : key);
  }
}
