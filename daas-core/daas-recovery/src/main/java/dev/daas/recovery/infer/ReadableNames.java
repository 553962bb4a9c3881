package dev.daas.recovery.infer;

import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.recovery.evidence.OrmMapping;
import dev.daas.recovery.sql.CatalogLookup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Readable names beside the API names: the ORM class and field names where the probe saw them, in
 * snake case ({@code OrderLine.unitPrice} gives {@code order_line}, {@code unit_price}); else the
 * table or column name spelled out: the technical table prefix dropped, a one- or two-letter first
 * word dropped where it abbreviates the table ({@code C_NM} of {@code T_CUST}), and each word
 * replaced through {@link Names#DICTIONARY} ({@code T_ORD_LN.QTY} gives {@code order_line}, {@code
 * quantity}). Only names that differ from the API name are returned.
 */
final class ReadableNames {
  private ReadableNames() {}

  static Map<String, String> of(DataModel model, CatalogLookup lookup, List<OrmMapping> mappings) {
    Map<String, OrmMapping> byTable = new HashMap<>();
    for (OrmMapping m :
        mappings.stream().sorted((a, b) -> a.className().compareTo(b.className())).toList()) {
      lookup.table(m.schema(), m.table()).ifPresent(t -> byTable.putIfAbsent(t.qualifiedName(), m));
    }
    Map<String, String> names = new TreeMap<>();
    for (Entity e : model.entities()) {
      String table = e.schema() == null ? e.table() : e.schema() + "." + e.table();
      OrmMapping orm = byTable.get(table);
      String stem = Names.stem(e.table());
      String entityName =
          orm != null
              ? snake(orm.className().substring(orm.className().lastIndexOf('.') + 1))
              : Names.spelled(stem);
      put(names, e.name(), entityName);
      Map<String, String> fields = new HashMap<>();
      if (orm != null) {
        orm.fields()
            .forEach(
                f -> fields.putIfAbsent(f.column().toLowerCase(java.util.Locale.ROOT), f.field()));
      }
      for (Attribute a : e.attributes()) {
        String field = fields.get(a.column().toLowerCase(java.util.Locale.ROOT));
        put(
            names,
            e.name() + "." + a.name(),
            field != null ? snake(field) : column(a.column(), stem));
      }
    }
    return names;
  }

  private static void put(Map<String, String> names, String key, String readable) {
    if (!readable.isEmpty() && !readable.equals(key.substring(key.lastIndexOf('.') + 1))) {
      names.put(key, readable);
    }
  }

  static String column(String column, String tableStem) {
    List<String> words = new ArrayList<>(Names.words(column));
    if (words.size() > 1
        && words.get(0).length() <= 2
        && !tableStem.isEmpty()
        && words.get(0).charAt(0) == tableStem.charAt(0)
        && !Names.DICTIONARY.containsKey(words.get(0))) {
      words.remove(0);
    }
    return Names.spelled(String.join("_", words));
  }

  static String snake(String identifier) {
    return String.join("_", Names.words(identifier));
  }
}
