package dev.daas.recovery;

import static java.util.Objects.requireNonNull;

import dev.daas.model.Attribute;
import dev.daas.model.Cardinality;
import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.Evidence;
import dev.daas.model.Index;
import dev.daas.model.Key;
import dev.daas.model.Relationship;
import dev.daas.model.RelationshipKind;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Column;
import dev.daas.model.catalog.ForeignKey;
import dev.daas.model.catalog.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recovers a data model from catalog evidence alone: one entity per table or view, declared keys,
 * and one relationship per declared foreign key. Deterministic: the same catalog always gives the
 * same model, element for element and in the same order.
 */
public final class CatalogRecovery {

  public DataModel recover(String source, Catalog catalog) {
    requireNonNull(source, "source is null");
    requireNonNull(catalog, "catalog is null");
    List<Table> tables =
        catalog.tables().stream()
            .sorted(
                Comparator.comparing((Table t) -> String.valueOf(t.schema()))
                    .thenComparing(Table::name))
            .toList();
    Map<String, String> entityNames = entityNames(tables);
    Map<String, Map<String, String>> attributeNames = new HashMap<>();
    List<Entity> entities = new ArrayList<>();
    for (Table table : tables) {
      Map<String, String> columns = attributeNames(table);
      attributeNames.put(table.qualifiedName(), columns);
      entities.add(entity(entityNames.get(table.qualifiedName()), table, columns));
    }
    List<Relationship> relationships = relationships(tables, entities, entityNames, attributeNames);
    entities.sort(Comparator.comparing(Entity::name));
    return new DataModel(
        DataModel.FORMAT_VERSION,
        source,
        catalog.databaseProduct(),
        entities,
        relationships,
        List.of());
  }

  /** Table name alone where it is unique across schemas, else schema and table. */
  private static Map<String, String> entityNames(List<Table> tables) {
    Map<String, Integer> counts = new HashMap<>();
    for (Table t : tables) {
      counts.merge(ApiNames.of(t.name()), 1, Integer::sum);
    }
    Map<String, String> names = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (Table t : tables) {
      String base = ApiNames.of(t.name());
      String candidate =
          counts.get(base) > 1 && t.schema() != null ? ApiNames.of(t.schema()) + "_" + base : base;
      String name = ApiNames.unique(candidate, taken);
      taken.add(name);
      names.put(t.qualifiedName(), name);
    }
    return names;
  }

  private static Map<String, String> attributeNames(Table table) {
    Map<String, String> names = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (Column c : table.columns()) {
      String name = ApiNames.unique(ApiNames.of(c.name()), taken);
      taken.add(name);
      names.put(c.name(), name);
    }
    return names;
  }

  private static Entity entity(String name, Table table, Map<String, String> columns) {
    List<Attribute> attributes =
        table.columns().stream()
            .map(
                c ->
                    new Attribute(
                        columns.get(c.name()),
                        c.name(),
                        c.type(),
                        c.nativeType(),
                        c.nullable(),
                        c.defaultValue(),
                        c.comment(),
                        c.maxLength(),
                        c.precision(),
                        c.scale(),
                        c.enumValues(),
                        c.generated(),
                        null,
                        null,
                        false))
            .toList();
    Key primaryKey =
        table.primaryKey() == null || table.primaryKey().columns().isEmpty()
            ? null
            : new Key(table.primaryKey().name(), map(table.primaryKey().columns(), columns));
    List<Key> uniqueKeys =
        table.uniqueConstraints().stream()
            .filter(
                u ->
                    primaryKey == null
                        || !map(u.columns(), columns).equals(primaryKey.attributes()))
            .map(u -> new Key(u.name(), map(u.columns(), columns)))
            .distinct()
            .toList();
    List<Index> indexes =
        table.indexes().stream()
            .map(i -> new Index(i.name(), map(i.columns(), columns), i.unique()))
            .toList();
    String kind = table.kind().name().toLowerCase(java.util.Locale.ROOT);
    return new Entity(
        name,
        table.schema(),
        table.name(),
        table.kind(),
        table.comment(),
        attributes,
        primaryKey,
        uniqueKeys,
        indexes,
        List.of(Evidence.catalog(kind + " " + table.qualifiedName())),
        null);
  }

  private static List<Relationship> relationships(
      List<Table> tables,
      List<Entity> entities,
      Map<String, String> entityNames,
      Map<String, Map<String, String>> attributeNames) {
    Map<String, Set<String>> takenByEntity = new HashMap<>();
    for (Entity e : entities) {
      Set<String> taken = new HashSet<>();
      e.attributes().forEach(a -> taken.add(a.name()));
      takenByEntity.put(e.name(), taken);
    }
    Map<String, Entity> byName = new HashMap<>();
    entities.forEach(e -> byName.put(e.name(), e));
    List<Relationship> result = new ArrayList<>();
    for (Table table : tables) {
      String from = entityNames.get(table.qualifiedName());
      List<ForeignKey> foreignKeys =
          table.foreignKeys().stream()
              .sorted(Comparator.comparing((ForeignKey fk) -> String.valueOf(fk.name())))
              .toList();
      for (ForeignKey fk : foreignKeys) {
        String referenced = referenced(fk);
        String to = entityNames.get(referenced);
        if (to == null) {
          continue; // the referenced table lies outside the included schemas
        }
        List<String> fromAttributes = map(fk.columns(), attributeNames.get(table.qualifiedName()));
        List<String> toAttributes = map(fk.referencedColumns(), attributeNames.get(referenced));
        Set<String> fromTaken = takenByEntity.get(from);
        String candidate = forwardName(fromAttributes, to);
        String name = ApiNames.unique(fromTaken.contains(candidate) ? to : candidate, fromTaken);
        fromTaken.add(name);
        Set<String> toTaken = takenByEntity.get(to);
        // Several keys between the same two tables: every inverse names its columns, so none
        // of them silently takes the plain name.
        boolean ambiguous =
            foreignKeys.stream().filter(other -> referenced(other).equals(referenced)).count() > 1;
        String inverse =
            ApiNames.unique(
                ambiguous || toTaken.contains(from)
                    ? from + "_by_" + String.join("_", fromAttributes)
                    : from,
                toTaken);
        toTaken.add(inverse);
        boolean oneToOne = coversKey(byName.get(from), fromAttributes);
        result.add(
            new Relationship(
                name,
                inverse,
                RelationshipKind.DECLARED,
                from,
                fromAttributes,
                to,
                toAttributes,
                oneToOne ? Cardinality.ONE_TO_ONE : Cardinality.MANY_TO_ONE,
                fk.name(),
                1.0,
                List.of(
                    Evidence.catalog(
                        "foreign key " + fk.name() + " on " + table.qualifiedName()))));
      }
    }
    result.sort(Comparator.comparing(Relationship::fromEntity).thenComparing(Relationship::name));
    return result;
  }

  /**
   * The referencing column's name without an id suffix ({@code cust_id} -> {@code cust}) for a
   * single-column key, else the referenced entity's name.
   */
  private static String forwardName(List<String> fromAttributes, String toEntity) {
    if (fromAttributes.size() == 1) {
      String column = fromAttributes.get(0);
      String lower = column.toLowerCase(java.util.Locale.ROOT);
      for (String suffix : List.of("_id", "_no", "_cd", "id")) {
        if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
          return column.substring(0, column.length() - suffix.length());
        }
      }
    }
    return toEntity;
  }

  private static String referenced(ForeignKey fk) {
    return fk.referencedSchema() == null
        ? fk.referencedTable()
        : fk.referencedSchema() + "." + fk.referencedTable();
  }

  private static boolean coversKey(Entity entity, List<String> attributes) {
    Set<String> set = Set.copyOf(attributes);
    if (entity.primaryKey() != null && Set.copyOf(entity.primaryKey().attributes()).equals(set)) {
      return true;
    }
    return entity.uniqueKeys().stream().anyMatch(k -> Set.copyOf(k.attributes()).equals(set));
  }

  private static List<String> map(List<String> columns, Map<String, String> names) {
    return columns.stream().map(c -> requireNonNull(names.get(c), "unknown column " + c)).toList();
  }
}
