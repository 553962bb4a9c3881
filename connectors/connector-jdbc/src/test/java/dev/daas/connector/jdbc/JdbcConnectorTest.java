package dev.daas.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daas.model.connector.Connector;
import dev.daas.model.connector.SourceConfig;
import dev.daas.model.connector.SourceConnection;
import dev.daas.model.connector.SourceStatus;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

class JdbcConnectorTest {
  private static SourceConfig config(String name, String url) {
    return new SourceConfig(
        name, url, "sa", "s3cret-pw", List.of(), 2, Duration.ofMillis(300), Duration.ofSeconds(5));
  }

  @Test
  void isFoundThroughTheServiceLoader() {
    assertThat(ServiceLoader.load(Connector.class).stream().map(p -> p.get().name()))
        .contains("jdbc");
  }

  @Test
  void acceptsPostgresMariaDbMySqlAndH2UrlsOnly() {
    JdbcConnector connector = new JdbcConnector();
    assertThat(connector.accepts(config("a", "jdbc:postgresql://h/db"))).isTrue();
    assertThat(connector.accepts(config("a", "jdbc:mariadb://h/db"))).isTrue();
    assertThat(connector.accepts(config("a", "jdbc:mysql://h/db"))).isTrue();
    assertThat(connector.accepts(config("a", "jdbc:h2:mem:x"))).isTrue();
    assertThat(connector.accepts(config("a", "jdbc:oracle:thin:@h:1521/x"))).isFalse();
    assertThatThrownBy(() -> connector.connect(config("a", "jdbc:oracle:thin:@h:1521/x")))
        .isInstanceOf(DaasException.class)
        .hasMessageContaining("jdbc:postgresql:");
  }

  @Test
  void reportsConfigurationProblemsOfTheUrlWithoutItsSecrets() {
    JdbcConnector connector = new JdbcConnector();
    assertThat(connector.configurationProblems(config("a", "jdbc:postgresql://h/db"))).isEmpty();
    assertThat(
            connector.configurationProblems(
                config("a", "jdbc:mysql://u:hunter2@h/db?autoDeserialize=true")))
        .hasSize(2)
        .noneMatch(p -> p.contains("hunter2"));
  }

  @Test
  void refusesToConnectWithAUrlThatHasConfigurationProblems() {
    assertThatThrownBy(
            () ->
                new JdbcConnector()
                    .connect(config("evil", "jdbc:mariadb://h/db?allowLocalInfile=true")))
        .isInstanceOfSatisfying(
            DaasException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
              assertThat(e.getMessage()).contains("allowLocalInfile");
              assertThat(e.details()).containsKey("problems");
            });
    assertThatThrownBy(
            () -> new JdbcConnector().connect(config("evil", "jdbc:h2:mem:x;INIT=SELECT 1")))
        .isInstanceOf(DaasException.class)
        .hasMessageContaining("INIT");
  }

  @Test
  void connectsToADatabaseThatIsDownAndReportsItUnavailableWithoutThePassword() throws Exception {
    int port = freePort();
    try (SourceConnection connection =
        new JdbcConnector()
            .connect(config("down", "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:nothing"))) {
      SourceStatus status = connection.status();
      assertThat(status.reachable()).isFalse();
      assertThat(status.message()).contains("down").doesNotContain("s3cret-pw");
      assertThat(status.maxConnections()).isEqualTo(2);
      assertThatThrownBy(() -> connection.catalog().introspect())
          .isInstanceOfSatisfying(
              DaasException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_UNAVAILABLE);
                assertThat(e.getMessage()).doesNotContain("s3cret-pw");
              });
    }
  }

  @Test
  void recoversByItselfWhenTheDatabaseComesBack() throws Exception {
    int port = freePort();
    String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:recovering;DB_CLOSE_DELAY=-1";
    Server server = startServer(port);
    try (SourceConnection connection = new JdbcConnector().connect(config("flaky", url))) {
      createTable(url);
      assertThat(connection.status().reachable()).isTrue();
      assertThat(connection.catalog().introspect().tables()).hasSize(1);

      server.stop();
      assertThat(connection.status().reachable()).isFalse();
      assertThatThrownBy(() -> connection.catalog().introspect())
          .isInstanceOfSatisfying(
              DaasException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_UNAVAILABLE));

      server = startServer(port);
      createTable(url);
      assertThat(connection.status().reachable()).isTrue();
      assertThat(connection.catalog().introspect().tables()).hasSize(1);
    } finally {
      server.stop();
    }
  }

  private static Server startServer(int port) throws Exception {
    return Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
  }

  private static void createTable(String url) throws Exception {
    try (Connection connection = DriverManager.getConnection(url, "sa", "s3cret-pw");
        Statement statement = connection.createStatement()) {
      statement.execute("create table if not exists T_PING (P_ID int primary key)");
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
