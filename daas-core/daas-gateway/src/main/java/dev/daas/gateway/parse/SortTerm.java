package dev.daas.gateway.parse;

import static java.util.Objects.requireNonNull;

/** One term of the {@code sort} parameter: a field API name, descending when written {@code -f}. */
public record SortTerm(String field, boolean descending) {
  public SortTerm {
    requireNonNull(field, "field is null");
  }

  @Override
  public String toString() {
    return (descending ? "-" : "") + field;
  }
}
