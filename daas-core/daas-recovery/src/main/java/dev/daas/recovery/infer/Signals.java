package dev.daas.recovery.infer;

import dev.daas.model.Evidence;
import dev.daas.model.EvidenceChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Independent pieces of support for one inferred element, combined as a noisy-or (each piece alone
 * would make it this likely; together they make it more likely), then adjusted by a data check when
 * one was answered.
 */
final class Signals {
  private double absent = 1;
  final List<Evidence> evidence = new ArrayList<>();
  boolean fromJoins;
  boolean fromOrm;

  void add(double probability, EvidenceChannel channel, String detail, long count) {
    absent *= 1 - Math.max(0, Math.min(1, probability));
    evidence.add(new Evidence(channel, detail, count));
  }

  double prior() {
    return 1 - absent;
  }

  /** How much more likely a held check is for a true element than for a false one. */
  static final double UNIQUENESS_HOLDS = 20;

  /**
   * Weaker than uniqueness: serial numbers of unrelated tables overlap, so inclusion also holds by
   * accident.
   */
  static final double INCLUSION_HOLDS = 6;

  static final double CHECK_FAILS = 0.05;

  /**
   * The confidence after a data check, by Bayes' rule on odds: the prior odds times the likelihood
   * ratio of the answer; no answer leaves the prior.
   */
  static double withCheck(double prior, Boolean holds, double holdsRatio) {
    if (holds == null) {
      return prior;
    }
    double p = Math.min(prior, 0.999);
    double odds = p / (1 - p) * (holds ? holdsRatio : CHECK_FAILS);
    return odds / (1 + odds);
  }
}
