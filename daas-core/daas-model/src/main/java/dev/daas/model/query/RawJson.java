package dev.daas.model.query;

import static java.util.Objects.requireNonNull;

/** A JSON document read from a json column, kept as text and written into responses as JSON. */
public record RawJson(String json) {
  public RawJson {
    requireNonNull(json, "json is null");
  }

  @Override
  public String toString() {
    return json;
  }
}
