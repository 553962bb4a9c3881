package dev.daas.model.catalog;

import java.util.List;

/** A unique constraint or unique index: its name and columns in order. */
public record UniqueConstraint(String name, List<String> columns) {
  public UniqueConstraint {
    columns = List.copyOf(columns);
  }
}
