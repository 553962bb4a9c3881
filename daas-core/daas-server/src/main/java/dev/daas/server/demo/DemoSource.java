package dev.daas.server.demo;

import dev.daas.model.error.DaasException;
import dev.daas.server.config.DaasConfig;
import dev.daas.server.sources.SourceRequest;
import dev.daas.server.sources.SourceService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The bundled demo legacy database: an H2 file in the data directory, created from {@code
 * demo/legacy-demo.sql} on first start and registered as source {@code demo}, so a new user gets a
 * working API from one command.
 */
@ApplicationScoped
public class DemoSource {
  static final String NAME = "demo";
  private static final Logger LOG = Logger.getLogger(DemoSource.class);
  private static final String USER = "demo";
  private static final String PASSWORD = "demo-legacy";

  @Inject DaasConfig config;
  @Inject SourceService sources;

  void onStart(@Observes StartupEvent event) {
    if (!config.demo().enabled()) {
      return;
    }
    boolean registered = sources.list().stream().anyMatch(s -> s.name().equals(NAME));
    if (registered) {
      return;
    }
    Path dataDir = Path.of(config.dataDir()).toAbsolutePath();
    String url = "jdbc:h2:file:" + dataDir.resolve("demo-legacy") + ";DB_CLOSE_ON_EXIT=FALSE";
    try {
      createDatabase(dataDir, url);
      sources.create(new SourceRequest(NAME, url, USER, PASSWORD, List.of()));
      LOG.infof("Demo legacy database registered as source '%s': try /api/v1/%s", NAME, NAME);
    } catch (SQLException | DaasException e) {
      LOG.errorf("The demo source could not be set up: %s", e.getMessage());
    }
  }

  private static void createDatabase(Path dataDir, String url) throws SQLException {
    if (Files.exists(dataDir.resolve("demo-legacy.mv.db"))) {
      return;
    }
    Path script = dataDir.resolve("legacy-demo.sql");
    try (InputStream in =
        DemoSource.class.getClassLoader().getResourceAsStream("demo/legacy-demo.sql")) {
      if (in == null) {
        throw new IllegalStateException("demo/legacy-demo.sql is missing from the server jar");
      }
      Files.createDirectories(dataDir);
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Connection c = DriverManager.getConnection(url, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("RUNSCRIPT FROM '" + script.toString().replace("'", "''") + "'");
    }
    LOG.infof("Created the demo legacy database in %s", dataDir);
  }
}
