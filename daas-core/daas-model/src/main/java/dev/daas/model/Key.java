package dev.daas.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A primary or unique key.
 *
 * @param name the constraint name, or null where the database reports none
 * @param attributes API names of the key's attributes, in key order
 */
public record Key(String name, List<String> attributes) {
  public Key {
    requireNonNull(attributes, "attributes is null");
    if (attributes.isEmpty()) {
      throw new IllegalArgumentException("a key needs at least one attribute");
    }
    attributes = List.copyOf(attributes);
  }
}
