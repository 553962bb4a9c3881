package dev.daas.probe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.stream.BaseStream;

/**
 * The Hibernate metamodel (5.x to 7.x): entity and collection persisters are collected as the
 * persister factory creates them and read, by reflection on public methods, when the session
 * factory's constructor returns; a factory built before the agent attached is read from its
 * metamodel when it first opens a session. This sees entities mapped by hbm.xml or orm.xml and
 * the physical names after naming strategies, which annotation scanning cannot.
 */
public final class HibernateMappings {
  private static final int MAX_QUEUED = 10_000;
  private static final int MAX_PENDING = 20_000;
  static volatile boolean seen;
  private static final List<Object> ENTITIES = new ArrayList<Object>();
  private static final List<Object> COLLECTIONS = new ArrayList<Object>();
  private static final WeakIdentityMap<Boolean> HARVESTED = new WeakIdentityMap<Boolean>();

  private HibernateMappings() {}

  /** After {@code PersisterFactoryImpl.createEntityPersister/createCollectionPersister}. */
  public static void persisterCreated(String method, Object persister) {
    try {
      seen = true;
      if (persister == null) {
        return;
      }
      synchronized (ENTITIES) {
        List<Object> target = "createCollectionPersister".equals(method) ? COLLECTIONS : ENTITIES;
        if (ENTITIES.size() + COLLECTIONS.size() >= MAX_PENDING) {
          dropped();
          return;
        }
        for (Object known : target) {
          if (known == persister) {
            return;
          }
        }
        target.add(persister);
      }
    } catch (Throwable t) {
      AgentLog.warn("cannot note a Hibernate persister", t);
    }
  }

  /** After a {@code SessionFactoryImpl} constructor: the persisters are complete; queue them. */
  public static void factoryBuilt(Object factory) {
    try {
      if (factory != null) {
        HARVESTED.put(factory, Boolean.TRUE);
      }
      List<Object> entities;
      List<Object> collections;
      synchronized (ENTITIES) {
        entities = new ArrayList<Object>(ENTITIES);
        collections = new ArrayList<Object>(COLLECTIONS);
        ENTITIES.clear();
        COLLECTIONS.clear();
      }
      queue(entities, collections);
    } catch (Throwable t) {
      AgentLog.warn("cannot read the Hibernate metamodel", t);
    }
  }

  /**
   * Before a session or entity manager is opened: a factory built before the agent attached is
   * read once from its metamodel. Cheap otherwise: one lookup.
   */
  public static void sessionOpening(Object factory) {
    try {
      if (factory == null || HARVESTED.get(factory) != null) {
        return;
      }
      HARVESTED.put(factory, Boolean.TRUE);
      seen = true;
      Object mapping = Reflect.call(factory, "getMappingMetamodel"); // 6.x, 7.x
      if (mapping != null) {
        queue(all(Reflect.call(mapping, "streamEntityDescriptors")),
            all(Reflect.call(mapping, "streamCollectionDescriptors")));
      } else {
        Object metamodel = Reflect.call(factory, "getMetamodel"); // 5.x
        queue(all(Reflect.call(metamodel, "entityPersisters")), all(Reflect.call(metamodel, "collectionPersisters")));
      }
    } catch (Throwable t) {
      AgentLog.warn("cannot read the Hibernate metamodel of a running session factory", t);
    }
  }

  private static void queue(List<Object> entities, List<Object> collections) {
    Map<String, Object> byRole = byRole(collections);
    for (Object entity : entities) {
      Queue<String> queue = JpaMappings.sink;
      if (queue == null || queue.size() >= MAX_QUEUED) {
        dropped();
        continue;
      }
      try {
        queue.add(toJson(entity, byRole));
      } catch (Throwable t) {
        AgentLog.warn("cannot read a Hibernate entity persister", t);
      }
    }
  }

  /** The elements of a stream, or the values of a map, at most the pending cap. */
  private static List<Object> all(Object source) {
    List<Object> out = new ArrayList<Object>();
    Iterator<?> it = source instanceof BaseStream ? ((BaseStream<?, ?>) source).iterator()
        : source instanceof Map ? ((Map<?, ?>) source).values().iterator() : null;
    while (it != null && it.hasNext() && out.size() < MAX_PENDING) {
      out.add(it.next());
    }
    return out;
  }

  static Map<String, Object> byRole(List<Object> collections) {
    Map<String, Object> byRole = new HashMap<String, Object>();
    for (Object collection : collections) {
      String role = Reflect.string(Reflect.call(collection, "getRole"));
      if (role != null) {
        byRole.put(role, collection);
      }
    }
    return byRole;
  }

  /** The mapping document of an entity persister; collections (by role) give to-many details. */
  static String toJson(Object persister, Map<String, Object> collectionsByRole) {
    String entityName = Reflect.string(Reflect.call(persister, "getEntityName"));
    Object mapped = Reflect.call(persister, "getMappedClass");
    String className = mapped instanceof Class && !Map.class.isAssignableFrom((Class<?>) mapped)
        ? ((Class<?>) mapped).getName() : entityName;
    String jpaName = Reflect.string(Reflect.call(persister, "getJpaEntityName"));
    String qualified = Reflect.string(Reflect.call(persister, "getTableName"));
    if (qualified == null) {
      qualified = Reflect.string(Reflect.call(persister, "getRootTableName"));
    }
    int dot = qualified == null ? -1 : qualified.lastIndexOf('.');
    JsonWriter w = new JsonWriter();
    w.beginObject();
    w.member("kind", "hibernate");
    w.member("class", className);
    w.member("entity", jpaName != null ? jpaName : unqualified(entityName));
    w.member("schema", dot > 0 ? qualified.substring(0, dot) : null);
    w.member("table", dot > 0 ? qualified.substring(dot + 1) : qualified);
    String idProperty = Reflect.string(Reflect.call(persister, "getIdentifierPropertyName"));
    String[] names = Reflect.strings(Reflect.call(persister, "getPropertyNames"));
    Object typesValue = Reflect.call(persister, "getPropertyTypes");
    Object[] types = typesValue instanceof Object[] ? (Object[]) typesValue : new Object[0];
    w.name("fields").beginArray();
    String[] idColumns = Reflect.strings(Reflect.call(persister, "getIdentifierColumnNames"));
    String[] idParts = parts(Reflect.call(persister, "getIdentifierType"), idColumns.length);
    for (int c = 0; c < idColumns.length; c++) {
      String part = idParts == null ? null : idProperty == null ? idParts[c] : idProperty + "." + idParts[c];
      field(w, part != null ? part : idProperty != null ? idProperty : "id", idColumns[c], true);
    }
    for (int i = 0; i < names.length && i < types.length; i++) {
      if (isAssociation(types[i])) {
        continue;
      }
      String[] columns = columns(persister, i);
      String[] parts = parts(types[i], columns.length);
      for (int c = 0; c < columns.length; c++) {
        field(w, parts != null ? names[i] + "." + parts[c] : names[i], columns[c], false);
      }
    }
    w.endArray();
    w.name("relationships").beginArray();
    for (int i = 0; i < names.length && i < types.length; i++) {
      if (Reflect.bool(Reflect.call(types[i], "isCollectionType"))) {
        toMany(w, names[i], collectionsByRole.get(Reflect.string(Reflect.call(types[i], "getRole"))));
      } else if (Reflect.bool(Reflect.call(types[i], "isEntityType"))) {
        toOne(w, names[i], types[i], columns(persister, i));
      }
    }
    w.endArray();
    w.endObject();
    return w.toString();
  }

  private static boolean isAssociation(Object type) {
    return Reflect.bool(Reflect.call(type, "isCollectionType")) || Reflect.bool(Reflect.call(type, "isEntityType"));
  }

  private static String[] columns(Object persister, int property) {
    return Reflect.strings(Reflect.call(persister, "getPropertyColumnNames", int.class, property));
  }

  /** The property names of a component type with one column each, else null. */
  private static String[] parts(Object type, int columns) {
    if (!Reflect.bool(Reflect.call(type, "isComponentType"))) {
      return null;
    }
    String[] parts = Reflect.strings(Reflect.call(type, "getPropertyNames"));
    return parts.length == columns && columns > 0 ? parts : null;
  }

  /** Formula properties have no column: left out. */
  private static void field(JsonWriter w, String field, String column, boolean id) {
    if (column == null || field == null) {
      return;
    }
    w.beginObject().member("field", field).member("column", column);
    w.name("id").value(id).endObject();
  }

  private static void toOne(JsonWriter w, String field, Object type, String[] columns) {
    String target = Reflect.string(Reflect.call(type, "getAssociatedEntityName"));
    if (target == null) {
      return;
    }
    String simple = type.getClass().getSimpleName();
    boolean oneToOne = simple.contains("OneToOne") || Reflect.bool(Reflect.call(type, "isLogicalOneToOne"));
    w.beginObject();
    w.member("field", field);
    w.member("kind", oneToOne ? "one_to_one" : "many_to_one");
    w.member("target", target);
    w.member("mappedBy", null);
    w.name("joinColumns").beginArray();
    for (String column : columns) {
      if (column != null) {
        w.beginObject().member("name", column).member("referencedColumnName", null).endObject();
      }
    }
    w.endArray();
    w.name("joinTable").nullValue();
    w.endObject();
  }

  /** One-to-many and many-to-many collections; collections of values are not relationships. */
  private static void toMany(JsonWriter w, String field, Object collection) {
    boolean oneToMany = Reflect.bool(Reflect.call(collection, "isOneToMany"));
    boolean manyToMany = Reflect.bool(Reflect.call(collection, "isManyToMany"));
    String target = Reflect.string(Reflect.call(Reflect.call(collection, "getElementType"), "getAssociatedEntityName"));
    if (!oneToMany && !manyToMany || target == null) {
      return;
    }
    String[] keys = Reflect.strings(Reflect.call(collection, "getKeyColumnNames"));
    String[] elements = Reflect.strings(Reflect.call(collection, "getElementColumnNames"));
    String mappedBy = Reflect.string(Reflect.call(collection, "getMappedByProperty"));
    w.beginObject();
    w.member("field", field);
    w.member("kind", oneToMany ? "one_to_many" : "many_to_many");
    w.member("target", target);
    w.member("mappedBy", mappedBy == null || mappedBy.isEmpty() ? null : mappedBy);
    w.name("joinColumns").beginArray();
    if (oneToMany) {
      for (String key : keys) {
        if (key != null) {
          w.beginObject().member("name", key).member("referencedColumnName", null).endObject();
        }
      }
    }
    w.endArray();
    w.name("joinTable");
    if (oneToMany) {
      w.nullValue();
    } else {
      w.beginObject().member("name", Reflect.string(Reflect.call(collection, "getTableName")));
      w.name("joinColumns").beginArray();
      for (String key : keys) {
        w.value(key);
      }
      w.endArray().name("inverseJoinColumns").beginArray();
      for (String element : elements) {
        w.value(element);
      }
      w.endArray().endObject();
    }
    w.endObject();
  }

  private static String unqualified(String entityName) {
    return entityName == null ? null : entityName.substring(entityName.lastIndexOf('.') + 1);
  }

  private static void dropped() {
    Aggregator aggregator = JpaMappings.aggregator;
    if (aggregator != null) {
      aggregator.droppedMappings.incrementAndGet();
    }
  }
}
