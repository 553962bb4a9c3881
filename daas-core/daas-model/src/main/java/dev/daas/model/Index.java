package dev.daas.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An index on an entity, by the API names of its attributes. */
public record Index(String name, List<String> attributes, boolean unique) {
  public Index {
    requireNonNull(name, "name is null");
    attributes = List.copyOf(requireNonNull(attributes, "attributes is null"));
  }
}
