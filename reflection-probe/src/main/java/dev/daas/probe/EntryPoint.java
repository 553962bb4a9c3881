package dev.daas.probe;

/** An HTTP route or a main program: what the application was doing when it ran a statement. */
final class EntryPoint {
  final String kind;
  final String method;
  final String name;

  private EntryPoint(String kind, String method, String name) {
    this.kind = kind;
    this.method = method;
    this.name = name;
  }

  static EntryPoint http(String method, String route) {
    return new EntryPoint("http", method, route);
  }

  static EntryPoint main(String name) {
    return new EntryPoint("main", null, name);
  }

  boolean isHttp() {
    return "http".equals(kind);
  }

  int estimateBytes() {
    return 2 * ((method == null ? 0 : method.length()) + (name == null ? 0 : name.length()));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EntryPoint)) {
      return false;
    }
    EntryPoint other = (EntryPoint) o;
    return kind.equals(other.kind) && DbInfo.eq(method, other.method) && DbInfo.eq(name, other.name);
  }

  @Override
  public int hashCode() {
    return (kind.hashCode() * 31 + DbInfo.h(method)) * 31 + DbInfo.h(name);
  }
}
