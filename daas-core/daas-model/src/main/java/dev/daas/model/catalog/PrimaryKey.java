package dev.daas.model.catalog;

import java.util.List;

/** A primary key: constraint name (null where none is reported) and columns in key order. */
public record PrimaryKey(String name, List<String> columns) {
  public PrimaryKey {
    columns = List.copyOf(columns);
  }
}
