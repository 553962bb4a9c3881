package dev.daas.probe;

/** Database product, URL without its query part, and user of a connection. Never a password. */
final class DbInfo {
  static final DbInfo UNKNOWN = new DbInfo(null, null, null);

  final String product;
  final String url;
  final String user;

  DbInfo(String product, String url, String user) {
    this.product = product;
    this.url = stripQuery(url);
    this.user = user;
  }

  static String stripQuery(String url) {
    if (url == null) {
      return null;
    }
    int cut = url.length();
    for (char c : new char[] {'?', ';', '&'}) {
      int at = url.indexOf(c);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    return url.substring(0, cut);
  }

  int estimateBytes() {
    return 2 * (len(product) + len(url) + len(user));
  }

  private static int len(String s) {
    return s == null ? 0 : s.length();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DbInfo)) {
      return false;
    }
    DbInfo other = (DbInfo) o;
    return eq(product, other.product) && eq(url, other.url) && eq(user, other.user);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * h(product) + h(url)) + h(user);
  }

  static boolean eq(Object a, Object b) {
    return a == null ? b == null : a.equals(b);
  }

  static int h(Object a) {
    return a == null ? 0 : a.hashCode();
  }
}
