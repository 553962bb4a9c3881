package dev.daas.recovery.evidence;

import static java.util.Objects.requireNonNull;

import dev.daas.model.EvidenceChannel;

/**
 * One aggregated SQL observation: a template with {@code ?} (or {@code $n}) placeholders, how often
 * it ran and where it came from. The probe reports one per (template, call site, entry point);
 * statement statistics one per digest, without a call site.
 *
 * @param template normalised SQL (docs/probe-protocol.md)
 * @param count executions
 * @param channel {@link EvidenceChannel#PROBE} or {@link EvidenceChannel#STATEMENT_STATS}
 * @param callSite {@code class#method} of the innermost application frame, or null
 */
public record StatementEvidence(
    String template, long count, EvidenceChannel channel, String callSite) {
  public StatementEvidence {
    requireNonNull(template, "template is null");
    requireNonNull(channel, "channel is null");
    if (count < 0) {
      throw new IllegalArgumentException("count is negative: " + count);
    }
  }
}
