package dev.daas.model;

import static java.util.Objects.requireNonNull;

/**
 * One reason to believe an element of the model: the channel, what was seen, and how often.
 *
 * @param channel where it came from
 * @param detail what was seen, for people (for example {@code foreign key fk_ord_cust})
 * @param count how many times it was seen; 1 for catalog facts
 */
public record Evidence(EvidenceChannel channel, String detail, long count) {
  public Evidence {
    requireNonNull(channel, "channel is null");
    requireNonNull(detail, "detail is null");
    if (count < 0) {
      throw new IllegalArgumentException("count is negative: " + count);
    }
  }

  public static Evidence catalog(String detail) {
    return new Evidence(EvidenceChannel.CATALOG, detail, 1);
  }
}
