package dev.daas.recovery.evidence;

import static java.util.Objects.requireNonNull;

import dev.daas.model.EvidenceChannel;
import java.util.List;

/**
 * Distinct values seen in one column (value sampling, CDC), where the source allows it.
 *
 * @param table table name, qualified or not
 * @param column column name
 * @param values distinct values as text
 * @param channel where they were seen
 */
public record ObservedValues(
    String table, String column, List<String> values, EvidenceChannel channel) {
  public ObservedValues {
    requireNonNull(table, "table is null");
    requireNonNull(column, "column is null");
    requireNonNull(channel, "channel is null");
    values = List.copyOf(values);
  }
}
