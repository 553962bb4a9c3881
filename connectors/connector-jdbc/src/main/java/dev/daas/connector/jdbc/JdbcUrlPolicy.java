package dev.daas.connector.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which connection URLs a person registering a source may use. A driver option can make this server
 * load classes, run code, read or write its local files, or carry credentials that belong in the
 * password field; such URLs are refused before anything connects.
 *
 * <p>Keys are matched case-insensitively and percent-decoded, and every {@code key=} anywhere in
 * the URL counts (MySQL's {@code (host=..,key=..)} and {@code address=(key=..)} forms included):
 * seeing more keys than the driver does only refuses more, never less.
 */
final class JdbcUrlPolicy {
  static final Set<String> H2_SETTINGS =
      Set.of(
          "DB_CLOSE_DELAY",
          "DB_CLOSE_ON_EXIT",
          "MODE",
          "IFEXISTS",
          "ACCESS_MODE_DATA",
          "AUTO_SERVER",
          "DATABASE_TO_UPPER",
          "DATABASE_TO_LOWER",
          "CASE_INSENSITIVE_IDENTIFIERS",
          "NON_KEYWORDS",
          "DEFAULT_NULL_ORDERING");

  private static final String LOADS_CLASS = "it makes the driver load a class named in the URL";

  private static final Map<String, String> POSTGRES_REFUSED =
      Map.of(
          "socketfactory", LOADS_CLASS,
          "socketfactoryarg", "it configures a socket factory class named in the URL",
          "sslfactory", LOADS_CLASS,
          "sslfactoryarg", "it configures an SSL factory class named in the URL",
          "sslhostnameverifier", LOADS_CLASS,
          "sslpasswordcallback", LOADS_CLASS,
          "authenticationpluginclassname", LOADS_CLASS,
          "loggerfile", "it makes the driver write a file on this server",
          "loggerlevel", "it makes the driver log connection details on this server");

  private static final String LOCAL_FILES =
      "it lets the database server read local files of this server (LOAD DATA LOCAL INFILE)";

  /** Both drivers may serve either scheme (MariaDB's with permitMysqlScheme), so one list. */
  private static final Map<String, String> MYSQL_REFUSED =
      Map.ofEntries(
          Map.entry("allowloadlocalinfile", LOCAL_FILES),
          Map.entry("allowlocalinfile", LOCAL_FILES),
          Map.entry("allowloadlocalinfileinpath", LOCAL_FILES),
          Map.entry("allowurlinlocalinfile", "it lets LOAD DATA LOCAL read URLs and local files"),
          Map.entry("autodeserialize", "it deserializes Java objects sent by the database"),
          Map.entry("queryinterceptors", LOADS_CLASS),
          Map.entry("statementinterceptors", LOADS_CLASS),
          Map.entry("exceptioninterceptors", LOADS_CLASS),
          Map.entry("connectionlifecycleinterceptors", LOADS_CLASS),
          Map.entry("socketfactory", LOADS_CLASS),
          Map.entry("propertiestransform", LOADS_CLASS),
          Map.entry("authenticationplugins", LOADS_CLASS),
          Map.entry("defaultauthenticationplugin", LOADS_CLASS),
          Map.entry("clientinfoprovider", LOADS_CLASS),
          Map.entry("profilereventhandler", LOADS_CLASS),
          Map.entry("logger", LOADS_CLASS),
          Map.entry("loadbalancestrategy", LOADS_CLASS),
          Map.entry("ha.loadbalancestrategy", LOADS_CLASS),
          Map.entry("loadbalanceexceptionchecker", LOADS_CLASS),
          Map.entry("serverconfigcachefactory", LOADS_CLASS),
          Map.entry("parseinfocachefactory", LOADS_CLASS),
          Map.entry("queryinfocachefactory", LOADS_CLASS),
          Map.entry("authenticationwebauthncallbackhandler", LOADS_CLASS),
          Map.entry("authenticationfidocallbackhandler", LOADS_CLASS),
          Map.entry("tlssockettype", LOADS_CLASS),
          Map.entry(
              "credentialtype",
              "it takes credentials from outside the source's configuration (environment, cloud"
                  + " identity)"),
          Map.entry("serversslcert", "it reads a certificate file from this server's disk"),
          Map.entry("serverrsapublickeyfile", "it reads a key file from this server's disk"),
          Map.entry("ociconfigfile", "it reads a credentials file from this server's disk"),
          Map.entry("initsql", "it runs statements of the URL on every new connection"));

  /** {@code key=} anywhere: up to the delimiters of all supported URL forms. */
  private static final Pattern KEY = Pattern.compile("([^=&?;(),/\\[\\]\\s]+)\\s*=");

  private JdbcUrlPolicy() {}

  /** One sentence per refused option; empty when the URL is acceptable. */
  static List<String> problems(String url) {
    if (url == null) {
      return List.of();
    }
    Set<String> problems = new LinkedHashSet<>();
    if (hasUserInfoPassword(url)) {
      problems.add(
          "The URL carries a password in its user:password@host part; give the password in the"
              + " source's password field instead.");
    }
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:h2:")) {
      h2(url, problems);
    } else {
      Map<String, String> refused =
          lower.startsWith("jdbc:postgresql:") ? POSTGRES_REFUSED : MYSQL_REFUSED;
      for (String key : keys(url, problems)) {
        check(key, refused, problems);
      }
    }
    return List.copyOf(problems);
  }

  private static void h2(String url, Set<String> problems) {
    int semicolon = url.indexOf(';');
    if (semicolon < 0) {
      return;
    }
    // Splitting at every semicolon, escaped or not, yields every setting H2 sees and maybe more.
    for (String setting : url.substring(semicolon + 1).split(";")) {
      if (setting.isBlank()) {
        continue;
      }
      int equal = setting.indexOf('=');
      String key = (equal < 0 ? setting : setting.substring(0, equal)).trim();
      String upper = key.toUpperCase(Locale.ROOT);
      if (upper.contains("PASSWORD")) {
        problems.add(password(key));
      } else if (!H2_SETTINGS.contains(upper)) {
        problems.add(
            "H2 setting '"
                + key
                + "' is not allowed because it can run code or touch files on this server;"
                + " accepted: "
                + String.join(", ", H2_SETTINGS.stream().sorted().toList())
                + ".");
      }
    }
  }

  private static void check(String key, Map<String, String> refused, Set<String> problems) {
    String lower = key.toLowerCase(Locale.ROOT);
    if (lower.contains("password")) {
      problems.add(password(key));
      return;
    }
    String reason = refused.get(lower);
    if (reason != null) {
      problems.add("Option '" + key + "' is not allowed because " + reason + ".");
    }
  }

  private static String password(String key) {
    return "Option '"
        + key
        + "' carries a password; give the password in the source's password field instead.";
  }

  private static List<String> keys(String url, Set<String> problems) {
    List<String> keys = new ArrayList<>();
    Matcher matcher = KEY.matcher(url);
    while (matcher.find()) {
      String raw = matcher.group(1);
      try {
        keys.add(URLDecoder.decode(raw, StandardCharsets.UTF_8).trim());
      } catch (IllegalArgumentException e) {
        problems.add("Option '" + raw + "' is not allowed because its name cannot be decoded.");
      }
    }
    return keys;
  }

  /** {@code user:secret@host}, in any host of a comma-separated host list. */
  private static boolean hasUserInfoPassword(String url) {
    int start = url.indexOf("//");
    if (start < 0) {
      return false;
    }
    int end = url.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int at = url.indexOf(c, start + 2);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    for (String host : url.substring(start + 2, end).split(",")) {
      int at = host.lastIndexOf('@');
      if (at >= 0 && host.substring(0, at).contains(":")) {
        return true;
      }
    }
    return false;
  }
}
