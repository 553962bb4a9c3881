package dev.daas.recovery.infer;

import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.Evidence;
import dev.daas.model.Relationship;
import dev.daas.model.RelationshipKind;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.ForeignKey;
import dev.daas.model.catalog.PrimaryKey;
import dev.daas.model.catalog.Table;
import dev.daas.recovery.CatalogRecovery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the model with {@link CatalogRecovery}, so inferred elements get exactly the names and
 * embedding names declared ones would: inferred keys become primary keys and inferred relationships
 * foreign keys of a copy of the catalog, under a marker name that is then replaced by kind
 * INFERRED, confidence and evidence.
 */
final class ModelAssembly {
  private static final String MARKER = "~inferred~";

  private ModelAssembly() {}

  static DataModel assemble(
      String source,
      Catalog catalog,
      Map<String, InferredKey> keys,
      List<InferredRelationship> relationships) {
    Map<String, List<ForeignKey>> added = new HashMap<>();
    Map<String, InferredRelationship> byMarker = new HashMap<>();
    for (int i = 0; i < relationships.size(); i++) {
      InferredRelationship r = relationships.get(i);
      String marker = MARKER + String.format("%06d", i);
      byMarker.put(marker, r);
      int dot = r.toTable().lastIndexOf('.');
      added
          .computeIfAbsent(r.fromTable(), t -> new ArrayList<>())
          .add(
              new ForeignKey(
                  marker,
                  r.fromColumns(),
                  dot < 0 ? null : r.toTable().substring(0, dot),
                  r.toTable().substring(dot + 1),
                  r.toColumns()));
    }
    List<Table> tables = new ArrayList<>();
    for (Table t : catalog.tables()) {
      InferredKey key = keys.get(t.qualifiedName());
      List<ForeignKey> fks = new ArrayList<>(t.foreignKeys());
      fks.addAll(added.getOrDefault(t.qualifiedName(), List.of()));
      tables.add(
          new Table(
              t.schema(),
              t.name(),
              t.kind(),
              t.comment(),
              t.columns(),
              key == null ? t.primaryKey() : new PrimaryKey(null, key.columns()),
              t.uniqueConstraints(),
              fks,
              t.indexes()));
    }
    DataModel base =
        new CatalogRecovery().recover(source, new Catalog(catalog.databaseProduct(), tables));
    List<Entity> entities = new ArrayList<>();
    for (Entity e : base.entities()) {
      InferredKey key = keys.get(e.schema() == null ? e.table() : e.schema() + "." + e.table());
      if (key == null) {
        entities.add(e);
        continue;
      }
      List<Evidence> evidence = new ArrayList<>(e.evidence());
      key.evidence()
          .forEach(
              x ->
                  evidence.add(
                      new Evidence(
                          x.channel(),
                          "primary key "
                              + key.columns()
                              + " (confidence "
                              + key.confidence()
                              + "): "
                              + x.detail(),
                          x.count())));
      entities.add(
          new Entity(
              e.name(),
              e.schema(),
              e.table(),
              e.kind(),
              e.description(),
              e.attributes(),
              e.primaryKey(),
              e.uniqueKeys(),
              e.indexes(),
              evidence,
              e.readableName()));
    }
    List<Relationship> result = new ArrayList<>();
    for (Relationship r : base.relationships()) {
      InferredRelationship inferred =
          r.constraintName() == null ? null : byMarker.get(r.constraintName());
      if (inferred == null) {
        result.add(r);
      } else {
        result.add(
            new Relationship(
                r.name(),
                r.inverseName(),
                RelationshipKind.INFERRED,
                r.fromEntity(),
                r.fromAttributes(),
                r.toEntity(),
                r.toAttributes(),
                r.cardinality(),
                null,
                inferred.confidence(),
                inferred.evidence()));
      }
    }
    return new DataModel(
        base.formatVersion(), base.source(), base.databaseProduct(), entities, result, List.of());
  }
}
