package dev.daas.recovery.evidence;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An ORM mapping the probe found in a loaded class: the {@code mappings[]} member of
 * docs/probe-protocol.md as a record.
 *
 * @param kind {@code jpa}, {@code hibernate} or {@code mybatis}
 * @param className fully qualified class name
 * @param entity the entity name (JPA), or null
 * @param schema the mapped schema, or null
 * @param table the mapped table
 * @param fields mapped fields
 * @param relationships associations to other mapped classes
 */
public record OrmMapping(
    String kind,
    String className,
    String entity,
    String schema,
    String table,
    List<Field> fields,
    List<Association> relationships) {

  public OrmMapping {
    requireNonNull(className, "className is null");
    requireNonNull(table, "table is null");
    fields = fields == null ? List.of() : List.copyOf(fields);
    relationships = relationships == null ? List.of() : List.copyOf(relationships);
  }

  /**
   * A field mapped to a column; {@code id} marks the identifier ({@code @Id}, {@code @EmbeddedId}
   * parts).
   */
  public record Field(String field, String column, boolean id) {
    public Field {
      requireNonNull(field, "field is null");
      requireNonNull(column, "column is null");
    }
  }

  /**
   * An association.
   *
   * @param field the field holding it
   * @param kind {@code many_to_one}, {@code one_to_one}, {@code one_to_many}, {@code many_to_many}
   * @param target fully qualified class name of the other side
   * @param mappedBy the owning field on the other side, or null when this side owns it
   * @param joinColumns join columns (on this table for to-one, on the target's for one-to-many)
   * @param joinTable the link table of a many-to-many, or null
   */
  public record Association(
      String field,
      String kind,
      String target,
      String mappedBy,
      List<JoinColumn> joinColumns,
      JoinTable joinTable) {
    public Association {
      requireNonNull(field, "field is null");
      requireNonNull(kind, "kind is null");
      requireNonNull(target, "target is null");
      joinColumns = joinColumns == null ? List.of() : List.copyOf(joinColumns);
    }
  }

  /** {@code name} references {@code referencedColumnName} (null or empty: the target's id). */
  public record JoinColumn(String name, String referencedColumnName) {
    public JoinColumn {
      requireNonNull(name, "name is null");
    }
  }

  /**
   * A link table: {@code joinColumns} reference the owning side, {@code inverseJoinColumns} the
   * target. (The probe protocol leaves this member's shape open; this is the proposed one.)
   */
  public record JoinTable(
      String schema,
      String name,
      List<JoinColumn> joinColumns,
      List<JoinColumn> inverseJoinColumns) {
    public JoinTable {
      requireNonNull(name, "name is null");
      joinColumns = joinColumns == null ? List.of() : List.copyOf(joinColumns);
      inverseJoinColumns = inverseJoinColumns == null ? List.of() : List.copyOf(inverseJoinColumns);
    }
  }
}
