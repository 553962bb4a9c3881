package dev.daas.probe;

/** What one aggregate is about: (template, database, call site, entry point). */
final class StatementKey {
  final String template;
  final String operation;
  final DbInfo database;
  final CallSite callSite;
  final EntryPoint entryPoint;
  private final int hash;

  StatementKey(String template, String operation, DbInfo database, CallSite callSite, EntryPoint entryPoint) {
    this.template = template;
    this.operation = operation;
    this.database = database;
    this.callSite = callSite;
    this.entryPoint = entryPoint;
    this.hash =
        ((template.hashCode() * 31 + database.hashCode()) * 31 + DbInfo.h(callSite)) * 31
            + DbInfo.h(entryPoint);
  }

  /** A rough estimate of the heap an aggregate with this key holds. */
  int estimateBytes() {
    int callSiteBytes =
        callSite == null ? 0 : 2 * (callSite.className.length() + callSite.method.length()) + 48;
    return 400 + 2 * template.length() + database.estimateBytes() + callSiteBytes
        + entryPoint.estimateBytes();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof StatementKey)) {
      return false;
    }
    StatementKey other = (StatementKey) o;
    return hash == other.hash && template.equals(other.template)
        && database.equals(other.database) && DbInfo.eq(callSite, other.callSite)
        && DbInfo.eq(entryPoint, other.entryPoint);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
