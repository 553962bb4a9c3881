package dev.daas.model.query;

import static java.util.Objects.requireNonNull;

import dev.daas.model.Attribute;

/**
 * One ordering term. Nulls sort as if greater than every value: last when ascending, first when
 * descending (PostgreSQL's default), on every database, so keyset cursors behave the same
 * everywhere.
 */
public record SortKey(Attribute attribute, boolean descending) {
  public SortKey {
    requireNonNull(attribute, "attribute is null");
  }
}
