package dev.daas.recovery.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * What a generated schema really is.
 *
 * @param relationships every true reference, as {@code from[cols] -> to[cols]} (qualified names)
 * @param exercised the references the workload joins on
 * @param primaryKeys true primary key columns by qualified table name
 * @param undeclaredKeys tables whose primary key was removed from the catalog
 */
public record GroundTruth(
    Set<String> relationships,
    Set<String> exercised,
    Map<String, List<String>> primaryKeys,
    Set<String> undeclaredKeys) {

  /**
   * The same truth as a database spells it: the generated schema {@code from} renamed {@code to},
   * and everything lower case where the database folds unquoted names (PostgreSQL).
   */
  public GroundTruth respelled(String from, String to, boolean lowerCase) {
    UnaryOperator<String> spell =
        s -> {
          String renamed = s.replace(from + ".", to + ".");
          return lowerCase ? renamed.toLowerCase(Locale.ROOT) : renamed;
        };
    Map<String, List<String>> keys = new LinkedHashMap<>();
    primaryKeys.forEach(
        (table, columns) ->
            keys.put(
                spell.apply(table),
                columns.stream().map(c -> lowerCase ? c.toLowerCase(Locale.ROOT) : c).toList()));
    return new GroundTruth(
        respell(relationships, spell),
        respell(exercised, spell),
        keys,
        respell(undeclaredKeys, spell));
  }

  private static Set<String> respell(Set<String> values, UnaryOperator<String> spell) {
    Set<String> result = new TreeSet<>();
    values.forEach(v -> result.add(spell.apply(v)));
    return result;
  }
}
