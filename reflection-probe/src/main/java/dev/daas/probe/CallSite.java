package dev.daas.probe;

/** The innermost application frame of an observation. */
final class CallSite {
  final String className;
  final String method;
  final int line;

  CallSite(String className, String method, int line) {
    this.className = className;
    this.method = method;
    this.line = line;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CallSite)) {
      return false;
    }
    CallSite other = (CallSite) o;
    return line == other.line && className.equals(other.className) && method.equals(other.method);
  }

  @Override
  public int hashCode() {
    return (className.hashCode() * 31 + method.hashCode()) * 31 + line;
  }
}
