package com.acme.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.ShopDb;
import com.acme.shop.load.LoadDriver;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the fat jar in its own JVM on the local MariaDB (database shop_sample). */
class ShopMariaDbIT {
  @Test
  void fatJarServesTheLoadOnMariaDb() throws Exception {
    Path jar = Path.of("target/shop-jpa.jar");
    assertThat(jar).exists();
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--port", "0",
                "--db-url", "jdbc:mariadb://127.0.0.1:3306/test",
                "--db-user", "root", "--db-name", "shop_sample")
            .redirectErrorStream(true)
            .start();
    try {
      int port = awaitReady(p);
      String base = "http://127.0.0.1:" + port;
      assertThat(Http.get(base + "/customers/1").body())
          .contains("\"knd_nm\":\"" + ShopDb.FIRST_CUSTOMER_NAME + "\"");
      LoadDriver.Summary s = LoadDriver.run(base, 300, 4, 11);
      assertThat(s.firstError()).isNull();
      assertThat(s.errors()).isZero();
      try (java.sql.Connection c =
              java.sql.DriverManager.getConnection(
                  "jdbc:mariadb://127.0.0.1:3306/shop_sample", "root", "");
          java.sql.ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS"
                          + " WHERE CONSTRAINT_SCHEMA = 'shop_sample'")) {
        rs.next();
        assertThat(rs.getInt(1)).as("declared foreign keys").isZero();
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
