package dev.daas.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks' SQL: quoted identifiers, the sample size bound, the marker that hides them. */
class DataCheckSqlTest {
  @Test
  void rendersUniquenessOverABoundedSampleWithQuotedNames() {
    RenderedSql sql =
        new DataCheckSql(new PostgresDialect())
            .uniqueness("Legacy", "Cust Master", List.of("Reg", "cNo"), 10);
    assertThat(sql.sql())
        .contains("from \"Legacy\".\"Cust Master\"")
        .contains("\"Legacy\".\"Cust Master\".\"cNo\" is not null")
        .contains("fetch next ? rows only")
        .contains("daas_check_sample")
        .doesNotContain("10");
    assertThat(sql.binds()).containsExactly(10L);
  }

  @Test
  void rendersInclusionAsNotExistsAgainstTheReferencedTable() {
    RenderedSql sql =
        new DataCheckSql(new MariaDbDialect(false))
            .inclusion(
                "db", "ord`Line", List.of("a", "b"), "db", "Cust", List.of("x", "y"), 7, false);
    assertThat(sql.sql())
        .contains("select distinct `db`.`ord``Line`.`a`, `db`.`ord``Line`.`b`")
        .contains("not exists (select 1 as `one` from `db`.`Cust` as `daas_check_ref`")
        .contains("`daas_check_ref`.`x` = `daas_check_sample`.`a`")
        .contains("`daas_check_ref`.`y` = `daas_check_sample`.`b`")
        .contains("fetch next ? rows only");
    assertThat(sql.binds()).containsExactly(7L);
  }
}
