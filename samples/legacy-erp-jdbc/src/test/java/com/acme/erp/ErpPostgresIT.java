package com.acme.erp;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.erp.db.SchemaSetup;
import com.acme.erp.load.LoadDriver;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the fat jar in its own JVM on the local PostgreSQL (schema erp_sample). */
class ErpPostgresIT {
  @Test
  void fatJarServesTheLoadOnPostgres() throws Exception {
    Path jar = Path.of("target/legacy-erp-jdbc.jar");
    assertThat(jar).exists();
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--port", "0",
                "--db-url", "jdbc:postgresql://127.0.0.1:5432/test",
                "--db-user", "postgres", "--db-schema", "erp_sample")
            .redirectErrorStream(true)
            .start();
    try {
      int port = awaitReady(p);
      String base = "http://127.0.0.1:" + port;
      assertThat(Http.get(base + "/customers/1").body())
          .contains("\"c_nm\":\"" + SchemaSetup.FIRST_CUSTOMER_NAME + "\"");
      LoadDriver.Summary s = LoadDriver.run(base, 500, 4, 11);
      assertThat(s.firstError()).isNull();
      assertThat(s.errors()).isZero();
      try (java.sql.Connection c =
              java.sql.DriverManager.getConnection(
                  "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
          java.sql.ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT COUNT(*) FILTER (WHERE constraint_type = 'FOREIGN KEY'),"
                          + " COUNT(*) FILTER (WHERE constraint_type = 'PRIMARY KEY'"
                          + " AND table_name = 't_aud_log')"
                          + " FROM information_schema.table_constraints"
                          + " WHERE table_schema = 'erp_sample'")) {
        rs.next();
        assertThat(rs.getInt(1)).as("declared foreign keys").isZero();
        assertThat(rs.getInt(2)).as("primary key on T_AUD_LOG").isZero();
      }
    } finally {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  static int awaitReady(Process p) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> ready =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                StringBuilder seen = new StringBuilder();
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith("READY port=")) {
                    return Integer.parseInt(line.substring("READY port=".length()).trim());
                  }
                  seen.append(line).append('\n');
                }
                throw new IllegalStateException("app exited before READY:\n" + seen);
              } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
              }
            });
    int port = ready.get(60, TimeUnit.SECONDS);
    // keep draining output so the child never blocks on a full pipe
    Thread drain = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // discard
        }
      } catch (java.io.IOException ignored) {
        // child ended
      }
    });
    drain.setDaemon(true);
    drain.start();
    return port;
  }

}
