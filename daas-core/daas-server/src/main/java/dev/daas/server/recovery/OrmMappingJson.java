package dev.daas.server.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.recovery.evidence.OrmMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a stored {@code mappings[]} document of the probe protocol (docs/probe-protocol.md) into
 * recovery's {@link OrmMapping}. Documents without a table (MyBatis namespaces) give nothing.
 */
final class OrmMappingJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OrmMappingJson() {}

  static Optional<OrmMapping> read(String document) {
    try {
      JsonNode m = JSON.readTree(document);
      String table = text(m, "table");
      String className = text(m, "class");
      if (table == null || className == null) {
        return Optional.empty();
      }
      List<OrmMapping.Field> fields = new ArrayList<>();
      for (JsonNode f : m.path("fields")) {
        if (text(f, "field") != null && text(f, "column") != null) {
          fields.add(
              new OrmMapping.Field(text(f, "field"), text(f, "column"), f.path("id").asBoolean()));
        }
      }
      List<OrmMapping.Association> associations = new ArrayList<>();
      for (JsonNode r : m.path("relationships")) {
        if (text(r, "field") == null || text(r, "kind") == null || text(r, "target") == null) {
          continue;
        }
        JsonNode jt = r.path("joinTable");
        OrmMapping.JoinTable joinTable =
            jt.isObject() && text(jt, "name") != null
                ? new OrmMapping.JoinTable(
                    text(jt, "schema"),
                    text(jt, "name"),
                    joinColumns(jt.path("joinColumns")),
                    joinColumns(jt.path("inverseJoinColumns")))
                : null;
        associations.add(
            new OrmMapping.Association(
                text(r, "field"),
                text(r, "kind"),
                text(r, "target"),
                text(r, "mappedBy"),
                joinColumns(r.path("joinColumns")),
                joinTable));
      }
      return Optional.of(
          new OrmMapping(
              text(m, "kind"),
              className,
              text(m, "entity"),
              text(m, "schema"),
              table,
              fields,
              associations));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** Join columns come as {@code {"name", "referencedColumnName"}} objects or as plain names. */
  private static List<OrmMapping.JoinColumn> joinColumns(JsonNode list) {
    List<OrmMapping.JoinColumn> columns = new ArrayList<>();
    for (JsonNode c : list) {
      if (c.isTextual()) {
        columns.add(new OrmMapping.JoinColumn(c.asText(), null));
      } else if (text(c, "name") != null) {
        columns.add(new OrmMapping.JoinColumn(text(c, "name"), text(c, "referencedColumnName")));
      }
    }
    return columns;
  }

  private static String text(JsonNode node, String member) {
    JsonNode v = node.get(member);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }
}
