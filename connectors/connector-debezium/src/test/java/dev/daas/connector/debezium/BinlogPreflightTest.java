package dev.daas.connector.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BinlogPreflightTest {
  @Test
  void allPrivilegesOnEverythingAreEnough() {
    assertThat(
            BinlogPreflight.missingPrivileges(
                List.of("GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION")))
        .isEmpty();
  }

  @Test
  void mariaDbSpellsReplicationClientAsBinlogMonitor() {
    assertThat(
            BinlogPreflight.missingPrivileges(
                List.of(
                    "GRANT SELECT, RELOAD, BINLOG MONITOR, REPLICATION SLAVE ON *.* TO `cdc`@`%`")))
        .isEmpty();
  }

  @Test
  void privilegesOnOneDatabaseDoNotCount() {
    assertThat(
            BinlogPreflight.missingPrivileges(
                List.of(
                    "GRANT USAGE ON *.* TO `app`@`%`",
                    "GRANT ALL PRIVILEGES ON `shop`.* TO `app`@`%`")))
        .containsExactly("REPLICATION SLAVE", "REPLICATION CLIENT");
  }

  @Test
  void replicationSlaveAdminIsNotReplicationSlave() {
    assertThat(
            BinlogPreflight.missingPrivileges(
                List.of("GRANT REPLICATION SLAVE ADMIN, REPLICATION CLIENT ON *.* TO `x`@`%`")))
        .containsExactly("REPLICATION SLAVE");
  }
}
