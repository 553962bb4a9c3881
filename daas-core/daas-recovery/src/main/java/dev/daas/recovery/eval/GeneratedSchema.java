package dev.daas.recovery.eval;

import dev.daas.model.DataType;
import java.util.ArrayList;
import java.util.List;

/** The generator's own view of a legacy schema, with what the catalog will not show. */
final class GeneratedSchema {
  enum Kind {
    MAIN,
    LOOKUP,
    DETAIL,
    HISTORY,
    LINK
  }

  /**
   * A column and its simulated values: {@code domain} names the value space (all serial integer
   * keys share {@code int}, so accidental inclusion happens as in real data), values are {@code
   * 1..max} of it.
   */
  static final class Col {
    final String name;
    final DataType type;
    final boolean nullable;
    final String domain;
    final long max;

    Col(String name, DataType type, boolean nullable, String domain, long max) {
      this.name = name;
      this.type = type;
      this.nullable = nullable;
      this.domain = domain;
      this.max = max;
    }
  }

  /** A true reference. */
  record Ref(Tab from, List<String> fromColumns, Tab to, List<String> toColumns) {
    String signature() {
      return from.qualified() + fromColumns + " -> " + to.qualified() + toColumns;
    }
  }

  static final class Tab {
    final String schema;
    final String name;
    final Kind kind;
    final String abbreviation;
    final long rows;
    final List<Col> columns = new ArrayList<>();
    final List<String> key = new ArrayList<>();
    String referenceAbbreviation;
    boolean hasStatus;

    Tab(String schema, String name, Kind kind, String abbreviation, long rows) {
      this.schema = schema;
      this.name = name;
      this.kind = kind;
      this.abbreviation = abbreviation;
      this.rows = rows;
    }

    String qualified() {
      return schema + "." + name;
    }

    Col column(String name) {
      return columns.stream().filter(c -> c.name.equals(name)).findFirst().orElse(null);
    }

    String nameColumn() {
      return columns.stream()
          .filter(c -> c.name.endsWith("NM"))
          .map(c -> c.name)
          .findFirst()
          .orElse(columns.get(columns.size() - 1).name);
    }
  }

  final SchemaStyle style;
  final List<Tab> tables = new ArrayList<>();
  final List<Ref> refs = new ArrayList<>();

  GeneratedSchema(SchemaStyle style) {
    this.style = style;
  }
}
