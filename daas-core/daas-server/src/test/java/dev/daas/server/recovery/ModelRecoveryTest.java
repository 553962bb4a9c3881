package dev.daas.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelRecoveryTest {
  private static final Set<String> TABLES = Set.of("t_cust", "t_ord_hdr");

  @Test
  void keepsOnlyStatisticsThatNameATableOfTheSource() {
    assertThat(ModelRecovery.mentionsAny("select * from T_CUST where CUST_ID = $1", TABLES))
        .isTrue();
    assertThat(ModelRecovery.mentionsAny("SELECT h.x FROM \"T_ORD_HDR\" h", TABLES)).isTrue();
    assertThat(ModelRecovery.mentionsAny("select * from erp.t_ord_hdr", TABLES)).isTrue();
    assertThat(ModelRecovery.mentionsAny("select * from T_CUSTOMER", TABLES)).isFalse();
    assertThat(ModelRecovery.mentionsAny("select now()", TABLES)).isFalse();
    assertThat(ModelRecovery.mentionsAny("", TABLES)).isFalse();
  }
}
