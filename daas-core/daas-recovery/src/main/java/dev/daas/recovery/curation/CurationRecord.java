package dev.daas.recovery.curation;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a {@link CurationEntry}: one plain record whose {@code type} says which members
 * apply, so a JSON mapper can read and write it without annotations or polymorphic typing.
 *
 * <pre>{@code
 * {"type": "rename-entity", "schema": "public", "table": "T_CUST", "name": "customer"}
 * {"type": "hide-attribute", "schema": "public", "table": "T_CUST", "column": "C_PWD"}
 * {"type": "confirm-relationship",
 *  "from": {"schema": "public", "table": "T_ORD", "columns": ["CUST_ID"]},
 *  "to": {"schema": "public", "table": "T_CUST", "columns": ["CUST_ID"]}}
 * }</pre>
 *
 * @param type rename-entity, rename-attribute, hide-entity, hide-attribute, confirm-relationship,
 *     reject-relationship, add-relationship or mark-pii
 * @param schema the table's schema (entity and attribute entries), or null
 * @param table the table (entity and attribute entries)
 * @param column the column (attribute entries)
 * @param name the new API name (renames) or the embed name on the referencing entity
 *     (add-relationship, optional)
 * @param inverseName the embed name on the referenced entity (add-relationship, optional)
 * @param from the referencing columns (relationship entries)
 * @param to the referenced columns (relationship entries)
 */
public record CurationRecord(
    String type,
    String schema,
    String table,
    String column,
    String name,
    String inverseName,
    TableColumns from,
    TableColumns to) {
  public static final List<String> TYPES =
      List.of(
          "rename-entity",
          "rename-attribute",
          "hide-entity",
          "hide-attribute",
          "confirm-relationship",
          "reject-relationship",
          "add-relationship",
          "mark-pii");

  public static CurationRecord of(CurationEntry entry) {
    if (entry instanceof CurationEntry.RenameEntity e) {
      return new CurationRecord(e.type(), e.schema(), e.table(), null, e.name(), null, null, null);
    }
    if (entry instanceof CurationEntry.RenameAttribute e) {
      return new CurationRecord(
          e.type(), e.schema(), e.table(), e.column(), e.name(), null, null, null);
    }
    if (entry instanceof CurationEntry.HideEntity e) {
      return new CurationRecord(e.type(), e.schema(), e.table(), null, null, null, null, null);
    }
    if (entry instanceof CurationEntry.HideAttribute e) {
      return new CurationRecord(
          e.type(), e.schema(), e.table(), e.column(), null, null, null, null);
    }
    if (entry instanceof CurationEntry.MarkPii e) {
      return new CurationRecord(
          e.type(), e.schema(), e.table(), e.column(), null, null, null, null);
    }
    if (entry instanceof CurationEntry.ConfirmRelationship e) {
      return new CurationRecord(e.type(), null, null, null, null, null, e.from(), e.to());
    }
    if (entry instanceof CurationEntry.RejectRelationship e) {
      return new CurationRecord(e.type(), null, null, null, null, null, e.from(), e.to());
    }
    CurationEntry.AddRelationship e = (CurationEntry.AddRelationship) entry;
    return new CurationRecord(
        e.type(), null, null, null, e.name(), e.inverseName(), e.from(), e.to());
  }

  /** What is wrong with this record, one message per problem; empty when {@link #toEntry} works. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (type == null || !TYPES.contains(type)) {
      problems.add("type '" + type + "' is unknown; expected one of " + TYPES);
      return problems;
    }
    boolean relationship = type.endsWith("-relationship");
    boolean attribute =
        type.equals("rename-attribute") || type.equals("hide-attribute") || type.equals("mark-pii");
    boolean rename = type.startsWith("rename-");
    require(problems, "table", table, !relationship);
    require(problems, "column", column, attribute);
    require(problems, "name", name, rename);
    require(problems, "from", from, relationship);
    require(problems, "to", to, relationship);
    forbid(problems, "schema", schema, relationship);
    forbid(problems, "table", table, relationship);
    forbid(problems, "column", column, !attribute);
    forbid(problems, "name", name, !rename && !type.equals("add-relationship"));
    forbid(problems, "inverseName", inverseName, !type.equals("add-relationship"));
    forbid(problems, "from", from, !relationship);
    forbid(problems, "to", to, !relationship);
    if (problems.isEmpty()) {
      try {
        build();
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    return problems;
  }

  /** The entry; fails with every problem listed where there is one. */
  public CurationEntry toEntry() {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(type + " entry: " + String.join("; ", problems));
    }
    return build();
  }

  private CurationEntry build() {
    return switch (type) {
      case "rename-entity" -> new CurationEntry.RenameEntity(schema, table, name);
      case "rename-attribute" -> new CurationEntry.RenameAttribute(schema, table, column, name);
      case "hide-entity" -> new CurationEntry.HideEntity(schema, table);
      case "hide-attribute" -> new CurationEntry.HideAttribute(schema, table, column);
      case "mark-pii" -> new CurationEntry.MarkPii(schema, table, column);
      case "confirm-relationship" -> new CurationEntry.ConfirmRelationship(from, to);
      case "reject-relationship" -> new CurationEntry.RejectRelationship(from, to);
      case "add-relationship" -> new CurationEntry.AddRelationship(from, to, name, inverseName);
      default -> throw new IllegalArgumentException("type '" + type + "' is unknown");
    };
  }

  private void require(List<String> problems, String member, Object value, boolean required) {
    if (required && value == null) {
      problems.add(member + " is required for " + type);
    }
  }

  private void forbid(List<String> problems, String member, Object value, boolean forbidden) {
    if (forbidden && value != null) {
      problems.add(member + " does not apply to " + type);
    }
  }
}
