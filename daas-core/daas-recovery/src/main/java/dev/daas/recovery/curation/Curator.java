package dev.daas.recovery.curation;

import static java.util.Objects.requireNonNull;

import dev.daas.model.DataModel;
import dev.daas.model.Evidence;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.Relationship;
import dev.daas.recovery.curation.CuratedModel.AttributePath;
import dev.daas.recovery.curation.CurationEntry.AddRelationship;
import dev.daas.recovery.curation.CurationEntry.ConfirmRelationship;
import dev.daas.recovery.curation.CurationEntry.HideAttribute;
import dev.daas.recovery.curation.CurationEntry.HideEntity;
import dev.daas.recovery.curation.CurationEntry.MarkPii;
import dev.daas.recovery.curation.CurationEntry.RejectRelationship;
import dev.daas.recovery.curation.CurationEntry.RenameAttribute;
import dev.daas.recovery.curation.CurationEntry.RenameEntity;
import dev.daas.recovery.curation.Draft.EntityDraft;
import dev.daas.recovery.curation.Draft.RelDraft;
import dev.daas.recovery.infer.RecoveryResult;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies curation entries to a recovered model: the model the data API serves. Never fails on an
 * entry: one that addresses nothing any more is reported {@code STALE}, one that would make the
 * model inconsistent {@code CONFLICTING}, one followed by a later entry about the same element
 * {@code SUPERSEDED}; each with the reason. The same model, candidates and entries always give an
 * equal result.
 *
 * <p>Entries are applied in phases, whatever their order in the list:
 *
 * <ol>
 *   <li>hide entities; their relationships (in the model and among the candidates) go too;
 *   <li>reject, confirm and add relationships. A rejected inferred relationship leaves the model
 *       even above the threshold; a declared foreign key cannot be rejected. A confirmed one (in
 *       the model or among the candidates) becomes kind CURATED with confidence 1 and a CURATION
 *       evidence entry that keeps the inferred confidence. An added one is CURATED with the embed
 *       names given or the defaults of docs/model.md; added over an existing relationship it
 *       confirms it and sets the names given. An embed name given that is taken on its entity is a
 *       conflict;
 *   <li>hide attributes, except those of the primary or identifying key or joined by a served
 *       relationship (conflicts); unique keys and indexes over a hidden attribute are dropped;
 *   <li>rename attributes (unique among the entity's attributes and embed names), then entities
 *       (unique among the entities served); renames that would share a name are all refused; embed
 *       names do not follow entity renames;
 *   <li>mark PII: the attribute's {@code pii} is set and its value domain dropped (observed values
 *       of personal data must not be published); also returned as {@link CuratedModel#pii()} by API
 *       names.
 * </ol>
 *
 * <p>Readable names follow their elements through renames: a curated rename changes the API name
 * only, and the recovered readable name is kept beside it (dropped where it equals the new name).
 * The served model carries the candidates left after curation ({@link DataModel#candidates()}).
 *
 * <p>Entries that address a hidden entity are kept and change nothing until it is shown again; they
 * are not reported.
 */
public final class Curator {
  private Curator() {}

  public static CuratedModel apply(RecoveryResult result, List<CurationEntry> entries) {
    requireNonNull(result, "result is null");
    return apply(result.model(), result.candidates(), entries);
  }

  public static CuratedModel apply(
      DataModel model, List<Relationship> candidates, List<CurationEntry> entries) {
    requireNonNull(model, "model is null");
    requireNonNull(candidates, "candidates is null");
    requireNonNull(entries, "entries is null");
    Draft draft = new Draft(model, candidates);
    Report report = new Report();
    Map<Integer, CurationEntry> live = supersede(entries, report);
    live.forEach(
        (i, e) -> {
          if (e instanceof HideEntity h) {
            hideEntity(draft, report, i, h);
          }
        });
    draft.relationships.removeIf(r -> r.from.hidden || r.to.hidden);
    draft.candidates.removeIf(r -> r.from.hidden || r.to.hidden);
    RelationshipCuration relationships = new RelationshipCuration(draft, report);
    live.forEach(
        (i, e) -> {
          if (e instanceof ConfirmRelationship
              || e instanceof RejectRelationship
              || e instanceof AddRelationship) {
            relationships.apply(i, e);
          }
        });
    live.forEach(
        (i, e) -> {
          if (e instanceof HideAttribute h) {
            hideAttribute(draft, report, i, h);
          }
        });
    draft.candidates.removeIf(r -> !r.visible());
    renameAttributes(draft, report, live);
    renameEntities(draft, report, live);
    Set<AttributePath> pii = new TreeSet<>();
    live.forEach(
        (i, e) -> {
          if (e instanceof MarkPii m) {
            EntityDraft entity = attribute(draft, report, i, m, m.schema(), m.table(), m.column());
            if (entity != null && !entity.hidden && !entity.hiddenColumns.contains(m.column())) {
              pii.add(new AttributePath(entity.name, entity.names.get(m.column())));
              entity.pii.add(m.column());
            }
          }
        });
    return new CuratedModel(draft.model(), draft.candidates(), pii, report.inEntryOrder());
  }

  /**
   * The entries still in force by position; earlier entries about the same element are reported.
   */
  private static Map<Integer, CurationEntry> supersede(List<CurationEntry> entries, Report report) {
    Map<String, Integer> last = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      last.put(target(requireNonNull(entries.get(i), "entry " + i + " is null")), i);
    }
    Map<Integer, CurationEntry> live = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      int by = last.get(target(entries.get(i)));
      if (by == i) {
        live.put(i, entries.get(i));
      } else {
        report.superseded(i, entries.get(i), by);
      }
    }
    return live;
  }

  /** What an entry is about: entries with the same target replace each other. */
  private static String target(CurationEntry e) {
    if (e instanceof RenameEntity r) {
      return "rename-entity " + Draft.tableKey(r.schema(), r.table());
    } else if (e instanceof HideEntity h) {
      return "hide-entity " + Draft.tableKey(h.schema(), h.table());
    } else if (e instanceof RenameAttribute r) {
      return "rename-attribute " + Draft.tableKey(r.schema(), r.table()) + "\u0000" + r.column();
    } else if (e instanceof HideAttribute h) {
      return "hide-attribute " + Draft.tableKey(h.schema(), h.table()) + "\u0000" + h.column();
    } else if (e instanceof MarkPii m) {
      return "mark-pii " + Draft.tableKey(m.schema(), m.table()) + "\u0000" + m.column();
    } else if (e instanceof ConfirmRelationship c) {
      return "relationship " + Draft.signature(c.from(), c.to());
    } else if (e instanceof RejectRelationship r) {
      return "relationship " + Draft.signature(r.from(), r.to());
    }
    AddRelationship a = (AddRelationship) e;
    return "relationship " + Draft.signature(a.from(), a.to());
  }

  private static void hideEntity(Draft draft, Report report, int index, HideEntity entry) {
    EntityDraft entity = draft.entity(entry.schema(), entry.table());
    if (entity == null) {
      report.stale(index, entry, "no table " + Draft.table(entry.schema(), entry.table()));
    } else {
      entity.hidden = true;
    }
  }

  private static void hideAttribute(Draft draft, Report report, int index, HideAttribute entry) {
    EntityDraft entity =
        attribute(draft, report, index, entry, entry.schema(), entry.table(), entry.column());
    if (entity == null || entity.hidden) {
      return;
    }
    String column = entry.column();
    if (entity.keyColumns().contains(column)) {
      report.conflicting(
          index, entry, column + " is part of the key of " + entity.table() + ": rows need it");
      return;
    }
    for (RelDraft r : draft.relationships) {
      if (r.uses(entity, column)) {
        report.conflicting(
            index, entry, column + " joins the relationship " + r.describe() + ": reject it first");
        return;
      }
    }
    entity.hiddenColumns.add(column);
  }

  /** The entity holding the column, or null (reported stale) where there is none. */
  private static EntityDraft attribute(
      Draft draft,
      Report report,
      int index,
      CurationEntry entry,
      String schema,
      String table,
      String column) {
    EntityDraft entity = draft.entity(schema, table);
    if (entity == null) {
      report.stale(index, entry, "no table " + Draft.table(schema, table));
      return null;
    }
    if (!entity.names.containsKey(column)) {
      report.stale(index, entry, "no column " + column + " in " + entity.table());
      return null;
    }
    return entity;
  }

  private static void renameAttributes(
      Draft draft, Report report, Map<Integer, CurationEntry> live) {
    Map<EntityDraft, Map<String, Integer>> byEntity = new LinkedHashMap<>();
    live.forEach(
        (i, e) -> {
          if (e instanceof RenameAttribute r) {
            EntityDraft entity = attribute(draft, report, i, r, r.schema(), r.table(), r.column());
            if (entity != null && !entity.hidden) {
              byEntity.computeIfAbsent(entity, x -> new LinkedHashMap<>()).put(r.column(), i);
            }
          }
        });
    byEntity.forEach(
        (entity, columns) -> {
          Map<String, String> current = new LinkedHashMap<>();
          entity.names.forEach(
              (c, n) -> {
                if (!entity.hiddenColumns.contains(c)) {
                  current.put(c, n);
                }
              });
          Map<String, String> requested = new LinkedHashMap<>();
          columns.forEach((c, i) -> requested.put(c, ((RenameAttribute) live.get(i)).name()));
          Set<String> embeds = draft.takenOn(entity, null);
          embeds.removeAll(entity.names.values());
          Set<String> refused = UniqueNames.refused(current, requested, embeds);
          columns.forEach(
              (c, i) -> {
                if (refused.contains(c)) {
                  report.conflicting(
                      i,
                      live.get(i),
                      "name " + requested.get(c) + " is taken on entity " + entity.name);
                } else if (current.containsKey(c)) {
                  entity.names.put(c, requested.get(c));
                }
              });
        });
  }

  private static void renameEntities(Draft draft, Report report, Map<Integer, CurationEntry> live) {
    Map<EntityDraft, Integer> renames = new LinkedHashMap<>();
    live.forEach(
        (i, e) -> {
          if (e instanceof RenameEntity r) {
            EntityDraft entity = draft.entity(r.schema(), r.table());
            if (entity == null) {
              report.stale(i, r, "no table " + Draft.table(r.schema(), r.table()));
            } else if (!entity.hidden) {
              renames.put(entity, i);
            }
          }
        });
    Map<EntityDraft, String> current = new LinkedHashMap<>();
    draft.entities.values().stream().filter(e -> !e.hidden).forEach(e -> current.put(e, e.name));
    Map<EntityDraft, String> requested = new LinkedHashMap<>();
    renames.forEach((e, i) -> requested.put(e, ((RenameEntity) live.get(i)).name()));
    Set<EntityDraft> refused = UniqueNames.refused(current, requested, Set.of());
    renames.forEach(
        (entity, i) -> {
          String name = requested.get(entity);
          if (refused.contains(entity)) {
            report.conflicting(i, live.get(i), "entity name " + name + " is taken");
          } else if (!name.equals(entity.name)) {
            entity.evidence.add(
                new Evidence(
                    EvidenceChannel.CURATION,
                    "API name set by curation (recovered as " + entity.name + ")",
                    1));
            entity.name = name;
          }
        });
  }
}
