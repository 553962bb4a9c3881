package dev.daas.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.connector.SourceConfig;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class JdbcPoolTest {
  private static Properties driverProperties(String url) {
    SourceConfig config =
        new SourceConfig(
            "s", url, "u", "pw", List.of(), 2, Duration.ofMillis(1500), Duration.ofSeconds(30));
    return JdbcPool.config(config, JdbcDialects.forUrl(url).orElseThrow())
        .getDataSourceProperties();
  }

  @Test
  void givesPostgresConnectAndSocketTimeoutsInSecondsWithoutTouchingTheUrl() {
    Properties properties = driverProperties("jdbc:postgresql://127.0.0.1:5432/test");
    assertThat(properties)
        .containsEntry("connectTimeout", "2")
        .containsEntry("socketTimeout", "40")
        .hasSize(2);
  }

  @Test
  void givesMariaDbAndMySqlTimeoutsInMillisecondsAndForcesTheSafeValues() {
    for (String url : List.of("jdbc:mariadb://127.0.0.1/test", "jdbc:mysql://127.0.0.1/test")) {
      assertThat(driverProperties(url))
          .containsEntry("connectTimeout", "1500")
          .containsEntry("socketTimeout", "40000")
          .containsEntry("allowLoadLocalInfile", "false")
          .containsEntry("allowUrlInLocalInfile", "false")
          .containsEntry("autoDeserialize", "false")
          .containsEntry("allowLocalInfile", "false")
          .containsEntry("zeroDateTimeBehavior", "CONVERT_TO_NULL")
          .containsEntry("yearIsDateType", "false");
    }
  }

  @Test
  void leavesTheUrlAsGiven() {
    String url = "jdbc:postgresql://127.0.0.1:5432/test?ApplicationName=x";
    SourceConfig config =
        new SourceConfig(
            "s", url, null, null, List.of(), 2, Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(JdbcPool.config(config, new PostgresDialect()).getJdbcUrl()).isEqualTo(url);
  }
}
