package dev.daas.recovery.diff;

import static java.util.Objects.requireNonNull;

import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.Key;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The differences between two models, classified for clients of the generated data API, which is
 * read-only: a change is {@link Impact#BREAKING} when a client written against {@code from} may
 * fail on, or misread, a response served from {@code to}.
 *
 * <p>Matching. Entities are the same when they have the same table (schema and name); the rest are
 * matched by API name, else they were removed or added (so a table renamed in the database is a
 * removal and an addition). Attributes of matched entities are the same when they have the same
 * column, else the same API name. Relationships are the same when they join the same columns of the
 * same tables, whatever their names.
 *
 * <p>Breaking: an entity, attribute or relationship removed; an entity, attribute or embed name
 * (either side) renamed; a portable type changed (the JSON form or the OpenAPI type or format
 * changes, e.g. integer to string, timestamp to timestamp_tz, or an integer beyond 18 digits); a
 * type narrowed (shorter strings, fewer digits or a smaller scale: stored values were cut and their
 * meaning changed); enum labels changed (an OpenAPI enum is a closed set that generated clients
 * enforce, and the declaration order is the sort order); an attribute that becomes nullable
 * (readers meet null where they never did); a primary or identifying key removed or made of other
 * columns (paths and cursors change meaning); a cardinality that becomes anything but one-to-one
 * (an inverse embed that held at most one row may hold many).
 *
 * <p>Non-breaking: additions (entities, attributes, relationships, keys where there were none); a
 * type widened (longer strings, more digits, bound removed); a native type renamed with the same
 * portable type and bounds; an attribute that becomes non-null; a cardinality that becomes
 * one-to-one; a backing table or column swapped under the same API name; descriptions, defaults,
 * the generated flag, table/view kind, relationship kind, constraint names, confidence and
 * evidence.
 *
 * <p>Order: by entity, then member (entity-level changes first), then kind, then values; the same
 * two models always give the same list.
 */
public final class ModelDiff {
  private static final Comparator<String> NULLS_FIRST =
      Comparator.nullsFirst(Comparator.naturalOrder());
  private static final Comparator<ModelChange> ORDER =
      Comparator.comparing(ModelChange::entity, NULLS_FIRST)
          .thenComparing(ModelChange::member, NULLS_FIRST)
          .thenComparing(ModelChange::kind)
          .thenComparing(ModelChange::before, NULLS_FIRST)
          .thenComparing(ModelChange::after, NULLS_FIRST);

  private ModelDiff() {}

  /** Every change from {@code from} to {@code to}, in a deterministic order. */
  public static List<ModelChange> diff(DataModel from, DataModel to) {
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    List<ModelChange> changes = new ArrayList<>();
    if (!Objects.equals(from.databaseProduct(), to.databaseProduct())) {
      changes.add(
          change(
              ChangeKind.DATABASE_PRODUCT_CHANGED,
              Impact.NON_BREAKING,
              null,
              null,
              from.databaseProduct(),
              to.databaseProduct()));
    }
    Map<Entity, Entity> pairs = Matching.entities(from.entities(), to.entities());
    Set<Entity> matched = new HashSet<>(pairs.values());
    for (Entity before : from.entities()) {
      Entity after = pairs.get(before);
      if (after == null) {
        changes.add(
            change(
                ChangeKind.ENTITY_REMOVED,
                Impact.BREAKING,
                before.name(),
                null,
                Matching.table(before),
                null));
      } else {
        entity(before, after, changes);
      }
    }
    for (Entity after : to.entities()) {
      if (!matched.contains(after)) {
        changes.add(
            change(
                ChangeKind.ENTITY_ADDED,
                Impact.NON_BREAKING,
                after.name(),
                null,
                null,
                Matching.table(after)));
      }
    }
    changes.addAll(RelationshipDiff.diff(from, to));
    changes.sort(ORDER);
    return List.copyOf(changes);
  }

  /** Whether any of the changes is breaking. */
  public static boolean breaking(List<ModelChange> changes) {
    return changes.stream().anyMatch(ModelChange::breaking);
  }

  private static void entity(Entity before, Entity after, List<ModelChange> changes) {
    String name = after.name();
    if (!before.name().equals(name)) {
      changes.add(
          change(ChangeKind.ENTITY_RENAMED, Impact.BREAKING, name, null, before.name(), name));
    }
    if (!Matching.table(before).equals(Matching.table(after))) {
      changes.add(
          change(
              ChangeKind.ENTITY_TABLE_CHANGED,
              Impact.NON_BREAKING,
              name,
              null,
              Matching.table(before),
              Matching.table(after)));
    }
    compare(changes, ChangeKind.ENTITY_KIND_CHANGED, name, null, before.kind(), after.kind());
    compare(
        changes,
        ChangeKind.ENTITY_DESCRIPTION_CHANGED,
        name,
        null,
        before.description(),
        after.description());
    compare(
        changes,
        ChangeKind.ENTITY_EVIDENCE_CHANGED,
        name,
        null,
        before.evidence(),
        after.evidence());
    compare(
        changes,
        ChangeKind.ENTITY_READABLE_NAME_CHANGED,
        name,
        null,
        before.readableName(),
        after.readableName());
    keys(before, after, changes);
    Map<Attribute, Attribute> pairs = Matching.attributes(before.attributes(), after.attributes());
    Set<Attribute> matched = new HashSet<>(pairs.values());
    for (Attribute a : before.attributes()) {
      Attribute b = pairs.get(a);
      if (b == null) {
        changes.add(
            change(
                ChangeKind.ATTRIBUTE_REMOVED, Impact.BREAKING, name, a.name(), a.column(), null));
      } else {
        AttributeDiff.diff(name, a, b, changes);
      }
    }
    for (Attribute b : after.attributes()) {
      if (!matched.contains(b)) {
        changes.add(
            change(
                ChangeKind.ATTRIBUTE_ADDED, Impact.NON_BREAKING, name, b.name(), null, b.column()));
      }
    }
  }

  /** Keys are compared by their columns, so an attribute rename alone does not change a key. */
  private static void keys(Entity before, Entity after, List<ModelChange> changes) {
    key(
        before,
        Optional.ofNullable(before.primaryKey()),
        after,
        Optional.ofNullable(after.primaryKey()),
        List.of(
            ChangeKind.PRIMARY_KEY_ADDED,
            ChangeKind.PRIMARY_KEY_REMOVED,
            ChangeKind.PRIMARY_KEY_CHANGED),
        changes);
    key(
        before,
        before.identifyingKey(),
        after,
        after.identifyingKey(),
        List.of(
            ChangeKind.IDENTIFYING_KEY_ADDED,
            ChangeKind.IDENTIFYING_KEY_REMOVED,
            ChangeKind.IDENTIFYING_KEY_CHANGED),
        changes);
  }

  private static void key(
      Entity before,
      Optional<Key> old,
      Entity after,
      Optional<Key> now,
      List<ChangeKind> kinds,
      List<ModelChange> changes) {
    List<String> oldColumns = old.map(k -> Matching.columns(before, k.attributes())).orElse(null);
    List<String> newColumns = now.map(k -> Matching.columns(after, k.attributes())).orElse(null);
    if (Objects.equals(oldColumns, newColumns)) {
      return;
    }
    String was = old.map(k -> k.attributes().toString()).orElse(null);
    String is = now.map(k -> k.attributes().toString()).orElse(null);
    ChangeKind kind = old.isEmpty() ? kinds.get(0) : now.isEmpty() ? kinds.get(1) : kinds.get(2);
    Impact impact = old.isEmpty() ? Impact.NON_BREAKING : Impact.BREAKING;
    changes.add(change(kind, impact, after.name(), null, was, is));
  }

  /** A non-breaking change where the two values differ. */
  static void compare(
      List<ModelChange> changes,
      ChangeKind kind,
      String entity,
      String member,
      Object before,
      Object after) {
    if (!Objects.equals(before, after)) {
      changes.add(
          change(
              kind,
              Impact.NON_BREAKING,
              entity,
              member,
              before == null ? null : before.toString(),
              after == null ? null : after.toString()));
    }
  }

  static ModelChange change(
      ChangeKind kind, Impact impact, String entity, String member, String before, String after) {
    return new ModelChange(kind, impact, entity, member, before, after);
  }
}
