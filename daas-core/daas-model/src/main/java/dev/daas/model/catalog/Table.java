package dev.daas.model.catalog;

import static java.util.Objects.requireNonNull;

import dev.daas.model.EntityKind;
import java.util.List;

/**
 * A table or view as the catalog describes it.
 *
 * @param schema schema (database on MySQL/MariaDB)
 * @param name table name as the database spells it
 * @param kind table or view
 * @param comment table comment, or null
 * @param columns columns in ordinal order
 * @param primaryKey primary key, or null
 * @param uniqueConstraints unique constraints and unique indexes (not the primary key)
 * @param foreignKeys declared foreign keys, composite ones included
 * @param indexes all indexes
 */
public record Table(
    String schema,
    String name,
    EntityKind kind,
    String comment,
    List<Column> columns,
    PrimaryKey primaryKey,
    List<UniqueConstraint> uniqueConstraints,
    List<ForeignKey> foreignKeys,
    List<TableIndex> indexes) {
  public Table {
    requireNonNull(name, "name is null");
    requireNonNull(kind, "kind is null");
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    uniqueConstraints = uniqueConstraints == null ? List.of() : List.copyOf(uniqueConstraints);
    foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
    indexes = indexes == null ? List.of() : List.copyOf(indexes);
  }

  public String qualifiedName() {
    return schema == null ? name : schema + "." + name;
  }
}
