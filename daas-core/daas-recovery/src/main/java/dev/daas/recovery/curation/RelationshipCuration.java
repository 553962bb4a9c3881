package dev.daas.recovery.curation;

import dev.daas.model.Cardinality;
import dev.daas.model.Evidence;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.RelationshipKind;
import dev.daas.recovery.curation.CurationEntry.AddRelationship;
import dev.daas.recovery.curation.CurationEntry.ConfirmRelationship;
import dev.daas.recovery.curation.CurationEntry.RejectRelationship;
import dev.daas.recovery.curation.Draft.EntityDraft;
import dev.daas.recovery.curation.Draft.RelDraft;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Applies confirm, reject and add entries to a draft. */
final class RelationshipCuration {
  private final Draft draft;
  private final Report report;

  RelationshipCuration(Draft draft, Report report) {
    this.draft = draft;
    this.report = report;
  }

  void apply(int index, CurationEntry entry) {
    TableColumns fromColumns = from(entry);
    TableColumns toColumns = to(entry);
    EntityDraft from = resolve(index, entry, fromColumns);
    EntityDraft to = from == null ? null : resolve(index, entry, toColumns);
    if (from == null || to == null || from.hidden || to.hidden) {
      return; // stale (reported) or moot while an entity is hidden (not reported)
    }
    String signature = Draft.signature(fromColumns, toColumns);
    RelDraft inModel = find(draft.relationships, signature);
    RelDraft candidate = find(draft.candidates, signature);
    String what = inModel != null ? inModel.describe() : fromColumns + " -> " + toColumns;
    if (entry instanceof RejectRelationship) {
      if (inModel != null && inModel.kind == RelationshipKind.DECLARED) {
        report.conflicting(
            index,
            entry,
            what
                + " is the declared foreign key "
                + inModel.constraintName
                + "; only inferred relationships can be rejected");
        return;
      }
      if (inModel == null && candidate == null) {
        report.stale(index, entry, "no inferred relationship " + what + " any more");
      }
      draft.relationships.remove(inModel);
      draft.candidates.remove(candidate);
    } else if (entry instanceof ConfirmRelationship) {
      if (inModel != null) {
        confirm(inModel);
      } else if (candidate != null) {
        draft.candidates.remove(candidate);
        confirm(candidate);
        Set<String> taken = draft.takenOn(from, null);
        candidate.name = UniqueNames.unique(candidate.name, taken);
        candidate.inverseName = UniqueNames.unique(candidate.inverseName, inverseTaken(candidate));
        draft.relationships.add(candidate);
      } else {
        report.stale(
            index, entry, "no inferred relationship " + what + " any more; add it to keep it");
      }
    } else {
      add(index, (AddRelationship) entry, from, fromColumns, to, toColumns, inModel, candidate);
    }
  }

  private void add(
      int index,
      AddRelationship entry,
      EntityDraft from,
      TableColumns fromColumns,
      EntityDraft to,
      TableColumns toColumns,
      RelDraft inModel,
      RelDraft candidate) {
    RelDraft target = inModel != null ? inModel : candidate;
    if (target == null) {
      target = new RelDraft(from, fromColumns.columns(), to, toColumns.columns());
      target.kind = RelationshipKind.CURATED;
      target.confidence = 1.0;
      target.cardinality =
          from.coversKey(fromColumns.columns()) ? Cardinality.ONE_TO_ONE : Cardinality.MANY_TO_ONE;
      target.evidence.add(new Evidence(EvidenceChannel.CURATION, "added by curation", 1));
    }
    Set<String> taken = draft.takenOn(from, target);
    if (entry.name() != null && taken.contains(entry.name())) {
      report.conflicting(
          index, entry, "embed name " + entry.name() + " is taken on entity " + from.name);
      return;
    }
    String name =
        entry.name() != null
            ? entry.name()
            : UniqueNames.unique(
                target.name != null ? target.name : defaultName(from, target, to, taken), taken);
    Set<String> inverseTaken = draft.takenOn(to, target);
    if (from == to) {
      inverseTaken.add(name);
    }
    if (entry.inverseName() != null && inverseTaken.contains(entry.inverseName())) {
      report.conflicting(
          index, entry, "embed name " + entry.inverseName() + " is taken on entity " + to.name);
      return;
    }
    String inverse =
        entry.inverseName() != null
            ? entry.inverseName()
            : UniqueNames.unique(
                target.inverseName != null
                    ? target.inverseName
                    : defaultInverse(from, target, inverseTaken),
                inverseTaken);
    target.name = name;
    target.inverseName = inverse;
    if (target == candidate) {
      draft.candidates.remove(candidate);
      draft.relationships.add(candidate);
    } else if (target != inModel) {
      draft.relationships.add(target);
    }
    confirm(target);
  }

  private static void confirm(RelDraft r) {
    if (r.kind != RelationshipKind.INFERRED) {
      return; // declared or already curated: nothing to confirm
    }
    r.kind = RelationshipKind.CURATED;
    r.evidence.add(
        new Evidence(
            EvidenceChannel.CURATION,
            "confirmed by curation (inferred with confidence " + r.confidence + ")",
            1));
    r.confidence = 1.0;
  }

  private Set<String> inverseTaken(RelDraft r) {
    Set<String> taken = new HashSet<>(draft.takenOn(r.to, r));
    if (r.from == r.to) {
      taken.add(r.name);
    }
    return taken;
  }

  /** The referencing column's API name without an id suffix, else the referenced entity's name. */
  private static String defaultName(
      EntityDraft from, RelDraft r, EntityDraft to, Set<String> taken) {
    if (r.fromColumns.size() == 1) {
      String column = from.names.get(r.fromColumns.get(0));
      String lower = column.toLowerCase(Locale.ROOT);
      for (String suffix : List.of("_id", "_no", "_cd", "id")) {
        if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
          String name = column.substring(0, column.length() - suffix.length());
          return taken.contains(name) ? to.name : name;
        }
      }
    }
    return to.name;
  }

  private static String defaultInverse(EntityDraft from, RelDraft r, Set<String> taken) {
    return taken.contains(from.name)
        ? from.name
            + "_by_"
            + String.join("_", r.fromColumns.stream().map(from.names::get).toList())
        : from.name;
  }

  private EntityDraft resolve(int index, CurationEntry entry, TableColumns columns) {
    EntityDraft entity = draft.entity(columns.schema(), columns.table());
    if (entity == null) {
      report.stale(index, entry, "no table " + Draft.table(columns.schema(), columns.table()));
      return null;
    }
    for (String column : columns.columns()) {
      if (!entity.names.containsKey(column)) {
        report.stale(index, entry, "no column " + column + " in " + entity.table());
        return null;
      }
    }
    return entity;
  }

  private static RelDraft find(List<RelDraft> relationships, String signature) {
    return relationships.stream()
        .filter(r -> r.signature().equals(signature))
        .findFirst()
        .orElse(null);
  }

  private static TableColumns from(CurationEntry entry) {
    if (entry instanceof ConfirmRelationship c) {
      return c.from();
    }
    return entry instanceof RejectRelationship r ? r.from() : ((AddRelationship) entry).from();
  }

  private static TableColumns to(CurationEntry entry) {
    if (entry instanceof ConfirmRelationship c) {
      return c.to();
    }
    return entry instanceof RejectRelationship r ? r.to() : ((AddRelationship) entry).to();
  }
}
