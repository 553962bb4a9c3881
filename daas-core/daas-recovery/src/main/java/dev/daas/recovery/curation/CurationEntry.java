package dev.daas.recovery.curation;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * One decision of a person about the recovered model, stored apart from the evidence. Entries
 * address tables and columns by their database names (schema, table, column), never by API names,
 * so they survive renames and every re-recovery. {@link #type()} is the discriminator of the JSON
 * form ({@link CurationRecord}).
 */
public sealed interface CurationEntry {
  Pattern API_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The discriminator: {@code rename-entity}, {@code hide-attribute}, ... */
  String type();

  /** Serve the table under another API name (the path segment of the data API). */
  record RenameEntity(String schema, String table, String name) implements CurationEntry {
    public RenameEntity {
      requireNonNull(table, "table is null");
      requireApiName(name);
    }

    @Override
    public String type() {
      return "rename-entity";
    }
  }

  /** Serve the column under another API name. */
  record RenameAttribute(String schema, String table, String column, String name)
      implements CurationEntry {
    public RenameAttribute {
      requireNonNull(table, "table is null");
      requireNonNull(column, "column is null");
      requireApiName(name);
    }

    @Override
    public String type() {
      return "rename-attribute";
    }
  }

  /** Leave the table out of the API, with every relationship that touches it. */
  record HideEntity(String schema, String table) implements CurationEntry {
    public HideEntity {
      requireNonNull(table, "table is null");
    }

    @Override
    public String type() {
      return "hide-entity";
    }
  }

  /** Leave the column out of the API. */
  record HideAttribute(String schema, String table, String column) implements CurationEntry {
    public HideAttribute {
      requireNonNull(table, "table is null");
      requireNonNull(column, "column is null");
    }

    @Override
    public String type() {
      return "hide-attribute";
    }
  }

  /** An inferred relationship is real: serve it even below the threshold. */
  record ConfirmRelationship(TableColumns from, TableColumns to) implements CurationEntry {
    public ConfirmRelationship {
      requirePairs(from, to);
    }

    @Override
    public String type() {
      return "confirm-relationship";
    }
  }

  /** An inferred relationship is wrong: never serve it, even above the threshold. */
  record RejectRelationship(TableColumns from, TableColumns to) implements CurationEntry {
    public RejectRelationship {
      requirePairs(from, to);
    }

    @Override
    public String type() {
      return "reject-relationship";
    }
  }

  /**
   * A relationship the evidence does not show. Over a relationship that exists already (declared,
   * inferred or a candidate) it confirms it and sets the embed names given.
   *
   * @param name embed name on the referencing entity, or null for the default
   * @param inverseName embed name on the referenced entity, or null for the default
   */
  record AddRelationship(TableColumns from, TableColumns to, String name, String inverseName)
      implements CurationEntry {
    public AddRelationship {
      requirePairs(from, to);
      if (name != null) {
        requireApiName(name);
      }
      if (inverseName != null) {
        requireApiName(inverseName);
      }
    }

    @Override
    public String type() {
      return "add-relationship";
    }
  }

  /** The column holds personal data. */
  record MarkPii(String schema, String table, String column) implements CurationEntry {
    public MarkPii {
      requireNonNull(table, "table is null");
      requireNonNull(column, "column is null");
    }

    @Override
    public String type() {
      return "mark-pii";
    }
  }

  private static void requireApiName(String name) {
    requireNonNull(name, "name is null");
    if (!API_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name '" + name + "' is no API name: letters, digits and _, not starting with a digit");
    }
  }

  private static void requirePairs(TableColumns from, TableColumns to) {
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    if (from.columns().size() != to.columns().size()) {
      throw new IllegalArgumentException(
          "relationship " + from + " -> " + to + " pairs a different number of columns");
    }
  }
}
