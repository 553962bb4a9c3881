package dev.daas.recovery.curation;

import dev.daas.recovery.curation.CuratedModel.Outcome;
import dev.daas.recovery.curation.CuratedModel.Unapplied;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the entries that changed nothing. */
final class Report {
  private final List<Unapplied> unapplied = new ArrayList<>();

  void stale(int index, CurationEntry entry, String reason) {
    unapplied.add(new Unapplied(index, entry, Outcome.STALE, reason));
  }

  void conflicting(int index, CurationEntry entry, String reason) {
    unapplied.add(new Unapplied(index, entry, Outcome.CONFLICTING, reason));
  }

  void superseded(int index, CurationEntry entry, int by) {
    unapplied.add(
        new Unapplied(
            index, entry, Outcome.SUPERSEDED, "entry " + by + " is about the same element"));
  }

  List<Unapplied> inEntryOrder() {
    return unapplied.stream().sorted(Comparator.comparingInt(Unapplied::index)).toList();
  }
}
