package dev.daas.probe;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/** A concurrent map with weak, identity-compared keys, so JDBC objects are never kept alive. */
final class WeakIdentityMap<V> {
  private final ConcurrentHashMap<Object, V> map = new ConcurrentHashMap<Object, V>();
  private final ReferenceQueue<Object> queue = new ReferenceQueue<Object>();

  V get(Object key) {
    return key == null ? null : map.get(new Lookup(key));
  }

  void put(Object key, V value) {
    if (key == null || value == null) {
      return;
    }
    expunge();
    map.put(new WeakKey(key, queue), value);
  }

  void remove(Object key) {
    if (key != null) {
      map.remove(new Lookup(key));
    }
  }

  int size() {
    expunge();
    return map.size();
  }

  private void expunge() {
    Object ref;
    while ((ref = queue.poll()) != null) {
      map.remove(ref);
    }
  }

  private static final class WeakKey extends WeakReference<Object> {
    private final int hash;

    WeakKey(Object referent, ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      Object mine = get();
      if (o instanceof WeakKey) {
        return mine != null && mine == ((WeakKey) o).get();
      }
      if (o instanceof Lookup) {
        return mine != null && mine == ((Lookup) o).referent;
      }
      return false;
    }
  }

  private static final class Lookup {
    final Object referent;
    private final int hash;

    Lookup(Object referent) {
      this.referent = referent;
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (o instanceof WeakKey) {
        return referent == ((WeakKey) o).get();
      }
      return o instanceof Lookup && ((Lookup) o).referent == referent;
    }
  }
}
