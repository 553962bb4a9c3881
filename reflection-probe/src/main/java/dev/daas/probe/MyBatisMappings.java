package dev.daas.probe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;

/**
 * MyBatis mapped statements and result maps, read by reflection as {@code Configuration} registers
 * them, grouped per mapper namespace into one {@code {"kind":"mybatis"}} mapping each. The server
 * keeps the latest document per (kind, class), so a namespace that gains entries later is sent
 * again whole. Documents are queued when a session factory is built or a session is opened.
 */
public final class MyBatisMappings {
  private static final int MAX_QUEUED = 10_000;
  /** Cap of the retained JSON fragments, in characters, over all namespaces. */
  static final long MAX_CHARS = 2_000_000;

  static volatile boolean seen;
  private static volatile boolean dirty;
  private static final Map<String, Namespace> NAMESPACES = new LinkedHashMap<String, Namespace>();
  private static final WeakIdentityMap<Boolean> HARVESTED = new WeakIdentityMap<Boolean>();
  private static long chars;

  private MyBatisMappings() {}

  /** The fragments of one namespace, by id; replaced when an id is registered again. */
  private static final class Namespace {
    final Map<String, String> statements = new TreeMap<String, String>();
    final Map<String, String> resultMaps = new TreeMap<String, String>();
    final Map<String, String> skipped = new TreeMap<String, String>();
    boolean dirty;
  }

  /** After {@code Configuration.addMappedStatement(MappedStatement)}. */
  public static void statementAdded(Object statement) {
    try {
      seen = true;
      String id = Reflect.string(Reflect.call(statement, "getId"));
      if (id == null) {
        return;
      }
      Object command = Reflect.call(statement, "getSqlCommandType");
      String operation = command == null ? null : command.toString().toLowerCase(Locale.ROOT);
      Object source = Reflect.call(statement, "getSqlSource");
      String sql = staticSql(source);
      JsonWriter w = new JsonWriter();
      w.beginObject().member("id", id).member("operation", operation);
      if (sql == null) {
        w.member("reason", reason(source)).endObject();
        put(id, w.toString(), 2);
      } else {
        w.member("sql", SqlTemplates.normalise(sql)).endObject();
        put(id, w.toString(), 0);
      }
    } catch (Throwable t) {
      AgentLog.warn("cannot read a MyBatis mapped statement", t);
    }
  }

  /** After {@code Configuration.addResultMap(ResultMap)}. */
  public static void resultMapAdded(Object resultMap) {
    try {
      seen = true;
      String id = Reflect.string(Reflect.call(resultMap, "getId"));
      if (id == null) {
        return;
      }
      String type = Reflect.name(Reflect.call(resultMap, "getType"));
      List<?> mappings = list(Reflect.call(resultMap, "getResultMappings"));
      if (mappings.isEmpty() && (type == null || type.startsWith("java.") || type.indexOf('.') < 0)) {
        return; // generated for a statement returning a scalar (id "...-void" and the like)
      }
      JsonWriter w = new JsonWriter();
      w.beginObject().member("id", id).member("type", type);
      w.name("columns").beginArray();
      for (Object mapping : mappings) {
        String property = Reflect.string(Reflect.call(mapping, "getProperty"));
        String column = Reflect.string(Reflect.call(mapping, "getColumn"));
        Object flags = Reflect.call(mapping, "getFlags");
        boolean isId = flags instanceof Collection && ((Collection<?>) flags).toString().contains("ID");
        if (column != null) {
          w.beginObject().member("property", property).member("column", column);
          w.name("id").value(isId).endObject();
        }
        for (Object composite : list(Reflect.call(mapping, "getComposites"))) {
          String part = Reflect.string(Reflect.call(composite, "getColumn"));
          if (part != null) {
            w.beginObject().member("property", property).member("column", part);
            w.name("id").value(false).endObject();
          }
        }
      }
      w.endArray().endObject();
      put(id, w.toString(), 1);
    } catch (Throwable t) {
      AgentLog.warn("cannot read a MyBatis result map", t);
    }
  }

  /**
   * After a session factory is built and before a session is opened: reads the factory's
   * configuration once (statements registered before the agent attached), then queues the
   * namespaces that changed. Cheap when nothing changed: one lookup and one volatile read.
   */
  public static void flush(Object factory) {
    try {
      if (factory != null && HARVESTED.get(factory) == null) {
        HARVESTED.put(factory, Boolean.TRUE);
        harvest(Reflect.call(factory, "getConfiguration"));
      }
      if (dirty) {
        queueChanged();
      }
    } catch (Throwable t) {
      AgentLog.warn("cannot send MyBatis mappings", t);
    }
  }

  /** Reads what a configuration already holds, without triggering its lazy statement building. */
  private static void harvest(Object configuration) {
    if (configuration == null) {
      return;
    }
    Object statements = Reflect.field(configuration, "mappedStatements");
    if (statements instanceof Map) {
      for (Object statement : new ArrayList<Object>(((Map<?, ?>) statements).values())) {
        if (statement != null && statement.getClass().getName().startsWith("org.apache.ibatis.")) {
          statementAdded(statement);
        }
      }
    }
    Object resultMaps = Reflect.field(configuration, "resultMaps");
    if (resultMaps instanceof Map) {
      for (Object resultMap : new ArrayList<Object>(((Map<?, ?>) resultMaps).values())) {
        if (resultMap != null && resultMap.getClass().getName().startsWith("org.apache.ibatis.")) {
          resultMapAdded(resultMap);
        }
      }
    }
  }

  /** The SQL of a static source (RawSqlSource, StaticSqlSource), or null for anything else. */
  static String staticSql(Object source) {
    String type = source == null ? "" : source.getClass().getName();
    if (!type.equals("org.apache.ibatis.scripting.defaults.RawSqlSource")
        && !type.equals("org.apache.ibatis.builder.StaticSqlSource")) {
      return null; // dynamic SQL or a provider: evaluating it would run application code
    }
    Object bound = Reflect.call(source, "getBoundSql", Object.class, null);
    return Reflect.string(Reflect.call(bound, "getSql"));
  }

  private static String reason(Object source) {
    String type = source == null ? "" : source.getClass().getSimpleName();
    return type.equals("DynamicSqlSource") ? "dynamic" : type.equals("ProviderSqlSource") ? "provider" : "unsupported";
  }

  private static void put(String id, String json, int section) {
    int dot = id.lastIndexOf('.');
    String name = dot > 0 ? id.substring(0, dot) : id;
    synchronized (NAMESPACES) {
      Namespace ns = NAMESPACES.get(name);
      if (ns == null) {
        ns = new Namespace();
        NAMESPACES.put(name, ns);
      }
      Map<String, String> target = section == 0 ? ns.statements : section == 1 ? ns.resultMaps : ns.skipped;
      String previous = target.get(id);
      if (json.equals(previous)) {
        return;
      }
      long grow = json.length() - (previous == null ? 0 : previous.length()) + (previous == null ? id.length() : 0);
      if (chars + grow > MAX_CHARS) {
        dropped(1);
        return;
      }
      chars += grow;
      if (section == 0) {
        ns.skipped.remove(id);
      } else if (section == 2) {
        ns.statements.remove(id);
      }
      target.put(id, json);
      ns.dirty = true;
      dirty = true;
    }
  }

  private static void queueChanged() {
    List<String> documents = new ArrayList<String>();
    synchronized (NAMESPACES) {
      dirty = false;
      for (Map.Entry<String, Namespace> entry : NAMESPACES.entrySet()) {
        Namespace ns = entry.getValue();
        if (ns.dirty) {
          ns.dirty = false;
          documents.add(document(entry.getKey(), ns));
        }
      }
    }
    Queue<String> queue = JpaMappings.sink;
    for (String document : documents) {
      if (queue == null || queue.size() >= MAX_QUEUED) {
        dropped(1);
      } else {
        queue.add(document);
      }
    }
  }

  static String document(String namespace, Namespace ns) {
    StringBuilder out = new StringBuilder(256);
    out.append(new JsonWriter().beginObject().member("kind", "mybatis").member("class", namespace));
    append(out.append(",\"statements\":"), ns.statements.values());
    append(out.append(",\"resultMaps\":"), ns.resultMaps.values());
    append(out.append(",\"skipped\":"), ns.skipped.values());
    return out.append('}').toString();
  }

  /** Every namespace seen so far as a document, changed or not (for tests). */
  static List<String> documents() {
    List<String> documents = new ArrayList<String>();
    synchronized (NAMESPACES) {
      for (Map.Entry<String, Namespace> entry : NAMESPACES.entrySet()) {
        documents.add(document(entry.getKey(), entry.getValue()));
      }
    }
    return documents;
  }

  private static void append(StringBuilder out, Collection<String> fragments) {
    out.append('[');
    boolean first = true;
    for (String fragment : fragments) {
      out.append(first ? "" : ",").append(fragment);
      first = false;
    }
    out.append(']');
  }

  private static List<?> list(Object value) {
    return value instanceof List ? (List<?>) value : new ArrayList<Object>();
  }

  private static void dropped(long n) {
    Aggregator aggregator = JpaMappings.aggregator;
    if (aggregator != null) {
      aggregator.droppedMappings.addAndGet(n);
    }
  }
}
