package dev.daas.model.catalog;

import java.util.List;

/** An index: name, columns in order (expressions are left out), unique or not. */
public record TableIndex(String name, List<String> columns, boolean unique) {
  public TableIndex {
    columns = List.copyOf(columns);
  }
}
