package dev.daas.recovery.curation;

import dev.daas.model.Attribute;
import dev.daas.model.Cardinality;
import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.Evidence;
import dev.daas.model.Index;
import dev.daas.model.Key;
import dev.daas.model.Relationship;
import dev.daas.model.RelationshipKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The model while curation works on it. Everything is held by database names (tables and columns),
 * so renames change one map and relationships follow; API names are put back in {@link #model}.
 */
final class Draft {
  final DataModel original;
  final Map<String, EntityDraft> entities = new LinkedHashMap<>();
  final List<RelDraft> relationships = new ArrayList<>();
  final List<RelDraft> candidates = new ArrayList<>();

  Draft(DataModel model, List<Relationship> candidates) {
    this.original = model;
    Map<String, EntityDraft> byName = new HashMap<>();
    for (Entity e : model.entities()) {
      EntityDraft draft = new EntityDraft(e);
      entities.put(draft.key, draft);
      byName.put(e.name(), draft);
    }
    model.relationships().forEach(r -> add(this.relationships, byName, r));
    candidates.forEach(r -> add(this.candidates, byName, r));
  }

  private static void add(List<RelDraft> to, Map<String, EntityDraft> byName, Relationship r) {
    EntityDraft from = byName.get(r.fromEntity());
    EntityDraft target = byName.get(r.toEntity());
    if (from != null && target != null) {
      to.add(
          new RelDraft(
              from, from.columns(r.fromAttributes()), target, target.columns(r.toAttributes()), r));
    }
  }

  static String tableKey(String schema, String table) {
    return (schema == null ? "" : schema) + "\u0000" + table;
  }

  static String table(String schema, String table) {
    return schema == null ? table : schema + "." + table;
  }

  /** Tables and column pairs, pairs sorted: the same relationship whatever order the pairs come. */
  static String signature(
      String from, List<String> fromColumns, String to, List<String> toColumns) {
    TreeSet<String> pairs = new TreeSet<>();
    for (int i = 0; i < fromColumns.size(); i++) {
      pairs.add(fromColumns.get(i) + "\u0000" + toColumns.get(i));
    }
    return from + "\u0001" + to + "\u0001" + pairs;
  }

  static String signature(TableColumns from, TableColumns to) {
    return signature(
        tableKey(from.schema(), from.table()),
        from.columns(),
        tableKey(to.schema(), to.table()),
        to.columns());
  }

  EntityDraft entity(String schema, String table) {
    return entities.get(tableKey(schema, table));
  }

  /**
   * Names an embed of {@code entity} may not take: attributes, and embeds other than {@code
   * except}.
   */
  Set<String> takenOn(EntityDraft entity, RelDraft except) {
    Set<String> taken = new HashSet<>(entity.names.values());
    for (RelDraft r : relationships) {
      if (r != except && r.from == entity) {
        taken.add(r.name);
      }
      if (r != except && r.to == entity) {
        taken.add(r.inverseName);
      }
    }
    return taken;
  }

  DataModel model() {
    List<Entity> result = new ArrayList<>();
    for (EntityDraft e : entities.values()) {
      if (!e.hidden) {
        result.add(e.build());
      }
    }
    result.sort(Comparator.comparing(Entity::name));
    return new DataModel(
        original.formatVersion(),
        original.source(),
        original.databaseProduct(),
        result,
        build(relationships),
        build(candidates));
  }

  List<Relationship> candidates() {
    return build(candidates);
  }

  private static List<Relationship> build(List<RelDraft> drafts) {
    return drafts.stream()
        .filter(RelDraft::visible)
        .map(RelDraft::build)
        .sorted(Comparator.comparing(Relationship::fromEntity).thenComparing(Relationship::name))
        .toList();
  }

  /** An entity under curation. */
  static final class EntityDraft {
    final Entity original;
    final String key;
    String name;
    boolean hidden;

    /** Column to API name, in column order. */
    final Map<String, String> names = new LinkedHashMap<>();

    final Set<String> hiddenColumns = new HashSet<>();

    /** Columns marked as personal data. */
    final Set<String> pii = new HashSet<>();

    final List<Evidence> evidence = new ArrayList<>();

    EntityDraft(Entity original) {
      this.original = original;
      this.key = tableKey(original.schema(), original.table());
      this.name = original.name();
      original.attributes().forEach(a -> names.put(a.column(), a.name()));
      evidence.addAll(original.evidence());
    }

    String table() {
      return Draft.table(original.schema(), original.table());
    }

    List<String> columns(List<String> apiNames) {
      return apiNames.stream().map(n -> original.requireAttribute(n).column()).toList();
    }

    /** Columns of the primary key and of the identifying key. */
    Set<String> keyColumns() {
      Set<String> columns = new HashSet<>();
      if (original.primaryKey() != null) {
        columns.addAll(columns(original.primaryKey().attributes()));
      }
      original.identifyingKey().ifPresent(k -> columns.addAll(columns(k.attributes())));
      return columns;
    }

    /** Whether the columns are those of the primary key or of a unique key. */
    boolean coversKey(List<String> columns) {
      Set<String> set = Set.copyOf(columns);
      List<Key> keys = new ArrayList<>(original.uniqueKeys());
      if (original.primaryKey() != null) {
        keys.add(original.primaryKey());
      }
      return keys.stream().anyMatch(k -> Set.copyOf(columns(k.attributes())).equals(set));
    }

    private List<String> apiNames(List<String> attributes) {
      return columns(attributes).stream().map(names::get).toList();
    }

    private boolean visible(List<String> attributes) {
      return columns(attributes).stream().noneMatch(hiddenColumns::contains);
    }

    Entity build() {
      List<Attribute> attributes = new ArrayList<>();
      for (Attribute a : original.attributes()) {
        if (!hiddenColumns.contains(a.column())) {
          String apiName = names.get(a.column());
          boolean isPii = pii.contains(a.column());
          attributes.add(
              a.withName(apiName)
                  .withAnnotations(
                      readable(a.readableName(), apiName),
                      // Values of personal data must not be published in the model or API docs.
                      isPii ? null : a.valueDomain(),
                      isPii));
        }
      }
      Key primaryKey =
          original.primaryKey() == null
              ? null
              : new Key(original.primaryKey().name(), apiNames(original.primaryKey().attributes()));
      List<Key> uniqueKeys =
          original.uniqueKeys().stream()
              .filter(k -> visible(k.attributes()))
              .map(k -> new Key(k.name(), apiNames(k.attributes())))
              .toList();
      List<Index> indexes =
          original.indexes().stream()
              .filter(i -> visible(i.attributes()))
              .map(i -> new Index(i.name(), apiNames(i.attributes()), i.unique()))
              .toList();
      return new Entity(
          name,
          original.schema(),
          original.table(),
          original.kind(),
          original.description(),
          attributes,
          primaryKey,
          uniqueKeys,
          indexes,
          evidence,
          readable(original.readableName(), name));
    }
  }

  /**
   * The recovered readable name stays beside a curated API name: a rename changes how clients
   * address the element, not what it means; it is dropped only where it equals the API name.
   */
  private static String readable(String recovered, String apiName) {
    return recovered == null || recovered.equals(apiName) ? null : recovered;
  }

  /** A relationship under curation, by tables and columns. */
  static final class RelDraft {
    final EntityDraft from;
    final List<String> fromColumns;
    final EntityDraft to;
    final List<String> toColumns;
    String name;
    String inverseName;
    RelationshipKind kind;
    Cardinality cardinality;
    String constraintName;
    double confidence;
    final List<Evidence> evidence = new ArrayList<>();

    RelDraft(EntityDraft from, List<String> fromColumns, EntityDraft to, List<String> toColumns) {
      this.from = from;
      this.fromColumns = List.copyOf(fromColumns);
      this.to = to;
      this.toColumns = List.copyOf(toColumns);
    }

    RelDraft(
        EntityDraft from,
        List<String> fromColumns,
        EntityDraft to,
        List<String> toColumns,
        Relationship r) {
      this(from, fromColumns, to, toColumns);
      name = r.name();
      inverseName = r.inverseName();
      kind = r.kind();
      cardinality = r.cardinality();
      constraintName = r.constraintName();
      confidence = r.confidence();
      evidence.addAll(r.evidence());
    }

    String signature() {
      return Draft.signature(from.key, fromColumns, to.key, toColumns);
    }

    boolean uses(EntityDraft entity, String column) {
      return (from == entity && fromColumns.contains(column))
          || (to == entity && toColumns.contains(column));
    }

    boolean visible() {
      return !from.hidden
          && !to.hidden
          && fromColumns.stream().noneMatch(from.hiddenColumns::contains)
          && toColumns.stream().noneMatch(to.hiddenColumns::contains);
    }

    /** {@code T_ORD(CUST_ID) -> T_CUST(CUST_ID)}, for messages. */
    String describe() {
      return from.table() + fromColumns + " -> " + to.table() + toColumns;
    }

    Relationship build() {
      return new Relationship(
          name,
          inverseName,
          kind,
          from.name,
          fromColumns.stream().map(from.names::get).toList(),
          to.name,
          toColumns.stream().map(to.names::get).toList(),
          cardinality,
          constraintName,
          confidence,
          evidence);
    }
  }
}
