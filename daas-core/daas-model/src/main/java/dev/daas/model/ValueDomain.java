package dev.daas.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The values of an enum-like attribute: what a client may expect to read, with where that belief
 * comes from. Deliberately not a closed type: a value not listed may appear tomorrow unless {@code
 * closed} says the database itself enforces the set.
 *
 * @param values the values, as strings in the data API's text form: declaration order where {@code
 *     closed}, else sorted
 * @param closed true where the database enforces exactly these values (an enum type); false where
 *     they are the values observed so far and others may appear
 * @param evidence where the values came from: the catalog's enum type, literals compared in
 *     statements (probe or statement statistics), sampled values (probe), each with a count
 */
public record ValueDomain(List<String> values, boolean closed, List<Evidence> evidence) {
  public ValueDomain {
    values = List.copyOf(requireNonNull(values, "values is null"));
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }
}
