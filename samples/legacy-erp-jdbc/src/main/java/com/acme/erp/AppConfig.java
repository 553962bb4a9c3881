package com.acme.erp;

/** Command line settings shared by the web application and the nightly batch. */
public final class AppConfig {
  public int port = 8081;
  public String dbUrl = "jdbc:h2:mem:erp;DB_CLOSE_DELAY=-1";
  public String dbUser = "sa";
  public String dbPassword = "";
  public String dbSchema = null;

  public static AppConfig parse(String[] args) {
    AppConfig c = new AppConfig();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + a);
      }
      String v = args[++i];
      switch (a) {
        case "--port" -> c.port = Integer.parseInt(v);
        case "--db-url" -> c.dbUrl = v;
        case "--db-user" -> c.dbUser = v;
        case "--db-password" -> c.dbPassword = v;
        case "--db-schema" -> c.dbSchema = v;
        default -> throw new IllegalArgumentException(
            "unknown option " + a + " (accepted: --port, --db-url, --db-user, --db-password, --db-schema)");
      }
    }
    return c;
  }
}
