package dev.daas.connector.debezium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CaptureConfigTest {
  @Test
  void aJdbcUrlGivesDialectHostPortAndDatabase() {
    CaptureConfig config =
        CaptureConfig.fromJdbcUrl("erp", "jdbc:mariadb://db.local:3307/shop?useSsl=false", "u", "p")
            .build();

    assertThat(config.dialect()).isEqualTo(CaptureDialect.MARIADB);
    assertThat(config.host()).isEqualTo("db.local");
    assertThat(config.port()).isEqualTo(3307);
    assertThat(config.database()).isEqualTo("shop");
    assertThat(config.jdbcUrl()).isEqualTo("jdbc:mariadb://db.local:3307/shop");
  }

  @Test
  void aUrlWithoutPortUsesTheDialectDefault() {
    CaptureConfig config =
        CaptureConfig.fromJdbcUrl("erp", "jdbc:postgresql://db/erp", "u", null).build();

    assertThat(config.port()).isEqualTo(5432);
    assertThat(config.dialect()).isEqualTo(CaptureDialect.POSTGRES);
  }

  @Test
  void unsupportedUrlsAndMissingDatabasesAreRejectedWithTheReason() {
    assertThatThrownBy(() -> CaptureConfig.fromJdbcUrl("x", "jdbc:h2:mem:x", "sa", null))
        .hasMessageContaining("PostgreSQL, MariaDB and MySQL");
    assertThatThrownBy(() -> CaptureConfig.fromJdbcUrl("x", "jdbc:postgresql://db/", "u", null))
        .hasMessageContaining("needs a database");
    assertThatThrownBy(
            () ->
                CaptureConfig.builder("x", CaptureDialect.POSTGRES)
                    .database("d")
                    .user("u")
                    .tables(List.of("items"))
                    .build())
        .hasMessageContaining("schema.table");
  }

  @Test
  void theCaptureNameIsASafeSlotName() {
    String longName = "Legacy ERP (Zürich) / " + "x".repeat(80);
    CaptureConfig config =
        CaptureConfig.builder(longName, CaptureDialect.POSTGRES).database("d").user("u").build();

    assertThat(config.captureName()).matches("[a-z0-9_]{1,63}").startsWith("daas_legacy_erp__z");
  }

  @Test
  void thePasswordNeverAppearsInToString() {
    CaptureConfig config =
        CaptureConfig.fromJdbcUrl("erp", "jdbc:postgresql://db/erp", "u", "s3cret").build();

    assertThat(config.toString()).doesNotContain("s3cret").contains("<redacted>");
  }

  @Test
  void postgresPropertiesUsePgoutputAFilteredPublicationAndALowPollInterval() {
    CaptureConfig config =
        CaptureConfig.fromJdbcUrl("Erp", "jdbc:postgresql://db/erp", "u", null)
            .tables(List.of("public.order_items"))
            .snapshotMode(SnapshotMode.NO_DATA)
            .build();

    Properties p = DebeziumProperties.of(config, "binding-1");

    assertThat(p.getProperty("plugin.name")).isEqualTo("pgoutput");
    assertThat(p.getProperty("slot.name")).isEqualTo("daas_erp");
    assertThat(p.getProperty("publication.name")).isEqualTo("daas_erp");
    assertThat(p.getProperty("publication.autocreate.mode")).isEqualTo("filtered");
    assertThat(p.getProperty("table.include.list")).isEqualTo("public\\.order_items");
    assertThat(p.getProperty("snapshot.mode")).isEqualTo("no_data");
    assertThat(p.getProperty("poll.interval.ms")).isEqualTo("10");
    assertThat(p.getProperty("offset.storage")).isEqualTo(DaasOffsetBackingStore.class.getName());
    assertThat(p.getProperty("daas.offset.binding")).isEqualTo("binding-1");
    assertThat(p.getProperty("errors.max.retries")).isEqualTo("-1");
  }

  @Test
  void everyTableOnPostgresMeansAnAllTablesPublication() {
    CaptureConfig config =
        CaptureConfig.fromJdbcUrl("erp", "jdbc:postgresql://db/erp", "u", null).build();

    assertThat(DebeziumProperties.of(config, "b").getProperty("publication.autocreate.mode"))
        .isEqualTo("all_tables");
  }

  @Test
  void binlogPropertiesKeepSchemaHistoryInOurStoreWithAStableServerId() {
    CaptureConfig config =
        CaptureConfig.fromJdbcUrl("shop", "jdbc:mariadb://db/shop", "u", null).build();

    Properties p = DebeziumProperties.of(config, "binding-2");

    assertThat(p.getProperty("connector.class"))
        .isEqualTo("io.debezium.connector.mariadb.MariaDbConnector");
    assertThat(p.getProperty("schema.history.internal"))
        .isEqualTo(DaasSchemaHistory.class.getName());
    assertThat(p.getProperty("schema.history.internal.daas.binding")).isEqualTo("binding-2");
    assertThat(p.getProperty("database.include.list")).isEqualTo("shop");
    assertThat(p.getProperty("database.server.id"))
        .isEqualTo(DebeziumProperties.of(config, "other").getProperty("database.server.id"));
  }

  @Test
  void overridesWin() {
    CaptureConfig config =
        CaptureConfig.fromJdbcUrl("shop", "jdbc:mysql://db/shop", "u", null)
            .debeziumOverrides(java.util.Map.of("poll.interval.ms", "50"))
            .build();

    assertThat(DebeziumProperties.of(config, "b").getProperty("poll.interval.ms")).isEqualTo("50");
    assertThat(DebeziumProperties.of(config, "b").getProperty("connector.class"))
        .isEqualTo("io.debezium.connector.mysql.MySqlConnector");
  }
}
