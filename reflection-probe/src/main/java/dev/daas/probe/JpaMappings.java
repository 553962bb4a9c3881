package dev.daas.probe;

import java.util.Queue;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.annotation.AnnotationList;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;

/** Reads JPA annotations (javax and jakarta, by name) of entity classes as they are loaded. */
public final class JpaMappings {
  private static final int MAX_QUEUED = 10_000;
  static volatile Queue<String> sink;
  static volatile Aggregator aggregator;
  static volatile boolean javaxSeen;
  static volatile boolean jakartaSeen;

  private JpaMappings() {}

  static void found(TypeDescription type) {
    try {
      Queue<String> queue = sink;
      if (queue == null) {
        return;
      }
      for (AnnotationDescription a : type.getDeclaredAnnotations()) {
        String name = a.getAnnotationType().getName();
        javaxSeen |= name.equals("javax.persistence.Entity");
        jakartaSeen |= name.equals("jakarta.persistence.Entity");
      }
      if (queue.size() >= MAX_QUEUED) {
        aggregator.droppedMappings.incrementAndGet();
        return;
      }
      queue.add(toJson(type));
    } catch (Throwable t) {
      AgentLog.warn("cannot read the JPA mapping of " + type.getName(), t);
    }
  }

  static String toJson(TypeDescription type) {
    AnnotationList annotations = type.getDeclaredAnnotations();
    AnnotationDescription entity = find(annotations, "Entity");
    String entityName = string(entity, "name");
    if (entityName == null || entityName.isEmpty()) {
      entityName = type.getSimpleName();
    }
    AnnotationDescription table = find(annotations, "Table");
    String tableName = string(table, "name");
    String schema = string(table, "schema");
    JsonWriter w = new JsonWriter();
    w.beginObject();
    w.member("kind", "jpa");
    w.member("class", type.getName());
    w.member("entity", entityName);
    w.member("schema", schema == null || schema.isEmpty() ? null : schema);
    w.member("table", tableName == null || tableName.isEmpty() ? entityName : tableName);
    w.name("fields").beginArray();
    for (FieldDescription.InDefinedShape field : type.getDeclaredFields()) {
      if (skipped(field) || relationship(field.getDeclaredAnnotations()) != null) {
        continue;
      }
      AnnotationList fa = field.getDeclaredAnnotations();
      String column = string(find(fa, "Column"), "name");
      w.beginObject();
      w.member("field", field.getName());
      w.member("column", column == null || column.isEmpty() ? field.getName() : column);
      w.name("id").value(find(fa, "Id") != null || find(fa, "EmbeddedId") != null);
      w.endObject();
    }
    w.endArray();
    w.name("relationships").beginArray();
    for (FieldDescription.InDefinedShape field : type.getDeclaredFields()) {
      AnnotationList fa = field.getDeclaredAnnotations();
      AnnotationDescription rel = relationship(fa);
      if (skipped(field) || rel == null) {
        continue;
      }
      writeRelationship(w, field, fa, rel);
    }
    w.endArray();
    w.endObject();
    return w.toString();
  }

  private static void writeRelationship(JsonWriter w, FieldDescription.InDefinedShape field,
      AnnotationList fa, AnnotationDescription rel) {
    String simple = rel.getAnnotationType().getSimpleName();
    String kind = simple.equals("ManyToOne") ? "many_to_one" : simple.equals("OneToOne") ? "one_to_one"
        : simple.equals("OneToMany") ? "one_to_many" : "many_to_many";
    w.beginObject();
    w.member("field", field.getName());
    w.member("kind", kind);
    w.member("target", target(field, rel));
    String mappedBy = string(rel, "mappedBy");
    w.member("mappedBy", mappedBy == null || mappedBy.isEmpty() ? null : mappedBy);
    w.name("joinColumns").beginArray();
    AnnotationDescription single = find(fa, "JoinColumn");
    if (single != null) {
      writeJoinColumn(w, single);
    }
    AnnotationDescription multiple = find(fa, "JoinColumns");
    if (multiple != null) {
      for (AnnotationDescription jc : annotations(multiple, "value")) {
        writeJoinColumn(w, jc);
      }
    }
    w.endArray();
    w.name("joinTable");
    AnnotationDescription joinTable = find(fa, "JoinTable");
    if (joinTable == null) {
      w.nullValue();
    } else {
      w.beginObject();
      w.member("name", string(joinTable, "name"));
      w.name("joinColumns").beginArray();
      for (AnnotationDescription jc : annotations(joinTable, "joinColumns")) {
        w.value(string(jc, "name"));
      }
      w.endArray();
      w.name("inverseJoinColumns").beginArray();
      for (AnnotationDescription jc : annotations(joinTable, "inverseJoinColumns")) {
        w.value(string(jc, "name"));
      }
      w.endArray();
      w.endObject();
    }
    w.endObject();
  }

  private static void writeJoinColumn(JsonWriter w, AnnotationDescription jc) {
    String referenced = string(jc, "referencedColumnName");
    w.beginObject();
    w.member("name", string(jc, "name"));
    w.member("referencedColumnName", referenced == null || referenced.isEmpty() ? null : referenced);
    w.endObject();
  }

  private static String target(FieldDescription.InDefinedShape field, AnnotationDescription rel) {
    try {
      Object explicit = rel.getValue("targetEntity").resolve();
      if (explicit instanceof TypeDescription && !((TypeDescription) explicit).represents(void.class)) {
        return ((TypeDescription) explicit).getName();
      }
    } catch (Throwable ignored) {
      // fall back to the field type
    }
    TypeDescription.Generic type = field.getType();
    if (type.getSort() == TypeDescription.Generic.Sort.PARAMETERIZED) {
      TypeList.Generic args = type.getTypeArguments();
      if (!args.isEmpty()) {
        return args.get(args.size() - 1).asErasure().getName();
      }
    }
    return type.asErasure().getName();
  }

  private static boolean skipped(FieldDescription.InDefinedShape field) {
    return field.isStatic() || field.isTransient() || field.isSynthetic()
        || find(field.getDeclaredAnnotations(), "Transient") != null;
  }

  private static AnnotationDescription relationship(AnnotationList annotations) {
    for (String name : new String[] {"ManyToOne", "OneToOne", "OneToMany", "ManyToMany"}) {
      AnnotationDescription found = find(annotations, name);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static AnnotationDescription find(AnnotationList annotations, String simpleName) {
    for (AnnotationDescription a : annotations) {
      String name = a.getAnnotationType().getName();
      if (name.equals("javax.persistence." + simpleName) || name.equals("jakarta.persistence." + simpleName)) {
        return a;
      }
    }
    return null;
  }

  private static String string(AnnotationDescription annotation, String property) {
    if (annotation == null) {
      return null;
    }
    try {
      Object value = annotation.getValue(property).resolve();
      return value instanceof String ? (String) value : null;
    } catch (Throwable t) {
      return null;
    }
  }

  private static AnnotationDescription[] annotations(AnnotationDescription annotation, String property) {
    try {
      Object value = annotation.getValue(property).resolve();
      return value instanceof AnnotationDescription[] ? (AnnotationDescription[]) value : new AnnotationDescription[0];
    } catch (Throwable t) {
      return new AnnotationDescription[0];
    }
  }
}
