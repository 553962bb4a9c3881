package dev.daas.recovery.sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads src/test/resources/sql/corpus.sql: statements with the joins they must yield. */
final class SqlCorpus {

  /** One corpus statement and what analysis must find in it. */
  record Entry(
      String id,
      String dialect,
      String sql,
      boolean unparsed,
      Set<String> joins,
      Set<String> filters,
      Set<String> written) {}

  private SqlCorpus() {}

  static List<Entry> load() {
    String text;
    try (InputStream in = SqlCorpus.class.getResourceAsStream("/sql/corpus.sql")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    List<Entry> entries = new ArrayList<>();
    for (String block : text.split("\n## ")) {
      if (block.startsWith("--")) {
        continue;
      }
      String[] lines = block.strip().split("\n");
      String[] head = lines[0].split(" ");
      StringBuilder sql = new StringBuilder();
      boolean unparsed = false;
      Set<String> joins = new TreeSet<>();
      Set<String> filters = new TreeSet<>();
      Set<String> written = new TreeSet<>();
      for (int i = 1; i < lines.length; i++) {
        String line = lines[i];
        if (line.startsWith("=> join ")) {
          joins.add(canonical(line.substring(8)));
        } else if (line.startsWith("=> filter ")) {
          filters.add(line.substring(10).strip());
        } else if (line.startsWith("=> written ")) {
          written.add(line.substring(11).strip());
        } else if (line.startsWith("=> unparsed")) {
          unparsed = true;
        } else if (!line.startsWith("=>")) {
          sql.append(sql.length() == 0 ? "" : "\n").append(line);
        }
      }
      entries.add(new Entry(head[0], head[1], sql.toString(), unparsed, joins, filters, written));
    }
    return entries;
  }

  /** {@code A.x=B.y & C.z=D.w} with each equality and the list in a fixed order. */
  static String canonical(String condition) {
    Set<String> pairs = new TreeSet<>();
    for (String pair : condition.split("&")) {
      String[] sides = pair.strip().split("=");
      String a = sides[0].strip();
      String b = sides[1].strip();
      pairs.add(a.compareTo(b) <= 0 ? a + "=" + b : b + "=" + a);
    }
    return String.join(" & ", pairs);
  }

  /** The equality pairs of a canonical condition, one string each. */
  static Set<String> pairs(Set<String> conditions) {
    Set<String> pairs = new TreeSet<>();
    for (String c : conditions) {
      for (String p : c.split(" & ")) {
        pairs.add(p);
      }
    }
    return pairs;
  }

  static String shortName(ColumnRef ref) {
    String table = ref.table().startsWith("public.") ? ref.table().substring(7) : ref.table();
    return table + "." + ref.column();
  }
}
