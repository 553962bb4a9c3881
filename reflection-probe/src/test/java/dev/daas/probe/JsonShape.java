package dev.daas.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Compares what the agent writes with the protocol's fixtures, member by member. */
final class JsonShape {
  private JsonShape() {}

  /** Same members with the same JSON types; null on either side matches anything. */
  static void assertSameShape(String path, JsonNode ours, JsonNode theirs) {
    if (ours.isNull() || theirs.isNull()) {
      return;
    }
    assertThat(ours.getNodeType()).as(path).isEqualTo(theirs.getNodeType());
    if (theirs.isObject()) {
      assertThat(fieldNames(ours)).as(path).isEqualTo(fieldNames(theirs));
      for (String name : fieldNames(theirs)) {
        assertSameShape(path + "." + name, ours.get(name), theirs.get(name));
      }
    } else if (theirs.isArray() && theirs.size() > 0) {
      for (int i = 0; i < ours.size(); i++) {
        assertSameShape(path + "[" + i + "]", ours.get(i), theirs.get(Math.min(i, theirs.size() - 1)));
      }
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    names.sort(null);
    return names;
  }
}
