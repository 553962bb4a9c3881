package dev.daas.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PostgreSQL's own statement log proves that request values reach the database only as bound
 * parameters: a role with {@code log_statement = 'all'} serves a source, requests carry a unique
 * marker in filter values and keys, and the marker may appear in the log's parameter lines only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresBoundParametersIT {
  private static final String ROLE = "daas_it_audit";
  private static final String BASE = "/api/v1/audited";

  private final LegacyDatabase database = LegacyDatabase.postgres();
  private ServerProcess server;
  private DataApi api;

  @BeforeAll
  void startServerWithAnAuditedRole() throws SQLException {
    database.load();
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      ResultSet exists =
          statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'");
      if (!exists.next()) {
        statement.execute("CREATE ROLE " + ROLE + " LOGIN");
      }
      statement.execute("GRANT USAGE ON SCHEMA it_legacy TO " + ROLE);
      statement.execute("GRANT SELECT ON ALL TABLES IN SCHEMA it_legacy TO " + ROLE);
      statement.execute("ALTER ROLE " + ROLE + " SET log_statement = 'all'");
      statement.execute("ALTER ROLE " + ROLE + " SET log_parameter_max_length = -1");
    }
    server = ServerProcess.withFreshDataDir(Map.of()).start();
    api = new DataApi(server.baseUri());
    api.register("audited", "jdbc:postgresql://127.0.0.1:5432/test", ROLE, null, "it_legacy");
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void databaseReceivesFilterValuesAndKeysOnlyAsBoundParameters() throws Exception {
    Path log = serverLog();
    long offset = Files.size(log);
    String marker = "daasmarker" + UUID.randomUUID().toString().replace("-", "");
    List<Response> responses =
        List.of(
            api.get(BASE + "/t_cust", "filter", "c_nm = '" + marker + "'"),
            api.get(BASE + "/t_cust", "filter", "notes LIKE '%" + marker + "%' OR c_stat = 'Z'"),
            api.get(BASE + "/t_cust", "filter", "c_code IN ('C00001', '" + marker + "')"),
            api.get(BASE + "/t_prd/" + marker),
            api.get(BASE + "/t_ord_hdr", "filter", "cust_id = 8", "embed", "t_ord_ln"));
    assertThat(responses.get(0).statusCode()).as(responses.get(0).asString()).isEqualTo(200);
    assertThat(responses.get(2).jsonPath().getList("data")).hasSize(1);
    assertThat(responses.get(3).statusCode()).isEqualTo(404);

    List<String> lines = waitForMarker(log, offset, marker);
    assertThat(lines)
        .as("log lines that carry the marker (%s, from offset %d)", log, offset)
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).contains("DETAIL:  parameters: $"));
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("= '" + marker + "'"));
    String logged = read(log, offset);
    assertThat(logged)
        .as("the role's statements are logged at all")
        .containsPattern("(?i)" + ROLE + "@test LOG:  execute [^:]*: select ");
  }

  /** The lines added after {@code offset} that contain the marker, once the log holds them. */
  private static List<String> waitForMarker(Path log, long offset, String marker)
      throws IOException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    List<String> lines = List.of();
    while (System.nanoTime() < deadline) {
      lines = read(log, offset).lines().filter(l -> l.contains(marker)).toList();
      if (lines.stream().filter(l -> l.contains("parameters:")).count() >= 4) {
        return lines;
      }
      ServerProcess.sleep(200);
    }
    return lines;
  }

  private static String read(Path log, long offset) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      file.seek(offset);
      byte[] bytes = new byte[(int) (file.length() - offset)];
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** The server log of the local PostgreSQL: the collector's file, else the Debian default. */
  private Path serverLog() throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT pg_current_logfile(), current_setting('data_directory'),"
                    + " current_setting('server_version_num')::int / 10000")) {
      rows.next();
      String collected = rows.getString(1);
      if (collected != null) {
        Path path = Path.of(collected);
        Path file = path.isAbsolute() ? path : Path.of(rows.getString(2)).resolve(path);
        return readable(file);
      }
      return readable(Path.of("/var/log/postgresql/postgresql-" + rows.getInt(3) + "-main.log"));
    }
  }

  private static Path readable(Path file) {
    if (!Files.isReadable(file)) {
      throw new AssertionError(
          "cannot read the PostgreSQL server log "
              + file
              + ": this test needs it to see which statements the database received; run the"
              + " tests as a user that may read it (root or group adm)");
    }
    return file;
  }
}
