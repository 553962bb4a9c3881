package dev.daas.recovery.diff;

import static dev.daas.recovery.diff.ModelDiff.change;
import static dev.daas.recovery.diff.ModelDiff.compare;

import dev.daas.model.Cardinality;
import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.Relationship;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The changes between the relationships of two models. A relationship is identified by the columns
 * it joins ({@code public.T_ORD(CUST_ID) -> public.T_CUST(CUST_ID)}, pairs in any order), so
 * renaming an entity, an attribute or an embed never makes it look removed.
 */
final class RelationshipDiff {
  private RelationshipDiff() {}

  static List<ModelChange> diff(DataModel from, DataModel to) {
    Map<String, Deque<Relationship>> after = new LinkedHashMap<>();
    Map<String, Entity> toEntities = byName(to);
    for (Relationship r : to.relationships()) {
      after.computeIfAbsent(signature(toEntities, r), k -> new ArrayDeque<>()).add(r);
    }
    Map<String, Entity> fromEntities = byName(from);
    List<ModelChange> changes = new ArrayList<>();
    for (Relationship before : from.relationships()) {
      Deque<Relationship> same = after.get(signature(fromEntities, before));
      if (same == null || same.isEmpty()) {
        changes.add(
            change(
                ChangeKind.RELATIONSHIP_REMOVED,
                Impact.BREAKING,
                before.fromEntity(),
                before.name(),
                describe(before),
                null));
      } else {
        changed(before, same.removeFirst(), changes);
      }
    }
    for (Deque<Relationship> left : after.values()) {
      for (Relationship added : left) {
        changes.add(
            change(
                ChangeKind.RELATIONSHIP_ADDED,
                Impact.NON_BREAKING,
                added.fromEntity(),
                added.name(),
                null,
                describe(added)));
      }
    }
    return changes;
  }

  private static void changed(Relationship before, Relationship after, List<ModelChange> changes) {
    String entity = after.fromEntity();
    String name = after.name();
    if (!before.name().equals(name)) {
      changes.add(
          change(
              ChangeKind.EMBED_NAME_CHANGED, Impact.BREAKING, entity, name, before.name(), name));
    }
    if (!before.inverseName().equals(after.inverseName())) {
      changes.add(
          change(
              ChangeKind.INVERSE_EMBED_NAME_CHANGED,
              Impact.BREAKING,
              entity,
              name,
              before.inverseName(),
              after.inverseName()));
    }
    if (before.cardinality() != after.cardinality()) {
      changes.add(
          change(
              ChangeKind.CARDINALITY_CHANGED,
              after.cardinality() == Cardinality.ONE_TO_ONE ? Impact.NON_BREAKING : Impact.BREAKING,
              entity,
              name,
              lower(before.cardinality()),
              lower(after.cardinality())));
    }
    compare(
        changes,
        ChangeKind.RELATIONSHIP_KIND_CHANGED,
        entity,
        name,
        lower(before.kind()),
        lower(after.kind()));
    compare(
        changes,
        ChangeKind.CONSTRAINT_NAME_CHANGED,
        entity,
        name,
        before.constraintName(),
        after.constraintName());
    compare(
        changes,
        ChangeKind.CONFIDENCE_CHANGED,
        entity,
        name,
        before.confidence(),
        after.confidence());
    compare(
        changes,
        ChangeKind.RELATIONSHIP_EVIDENCE_CHANGED,
        entity,
        name,
        before.evidence(),
        after.evidence());
  }

  private static Map<String, Entity> byName(DataModel model) {
    Map<String, Entity> byName = new HashMap<>();
    model.entities().forEach(e -> byName.put(e.name(), e));
    return byName;
  }

  /** The tables and column pairs, sorted; API names stand in where the model lacks an entity. */
  private static String signature(Map<String, Entity> entities, Relationship r) {
    Entity from = entities.get(r.fromEntity());
    Entity to = entities.get(r.toEntity());
    List<String> fromColumns =
        from == null ? r.fromAttributes() : Matching.columns(from, r.fromAttributes());
    List<String> toColumns = to == null ? r.toAttributes() : Matching.columns(to, r.toAttributes());
    TreeSet<String> pairs = new TreeSet<>();
    for (int i = 0; i < fromColumns.size(); i++) {
      pairs.add(fromColumns.get(i) + "\u0000" + toColumns.get(i));
    }
    return (from == null ? "?" + r.fromEntity() : Matching.table(from))
        + "\u0001"
        + (to == null ? "?" + r.toEntity() : Matching.table(to))
        + "\u0001"
        + pairs;
  }

  private static String describe(Relationship r) {
    return r.fromEntity() + r.fromAttributes() + " -> " + r.toEntity() + r.toAttributes();
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(java.util.Locale.ROOT);
  }
}
