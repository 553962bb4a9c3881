package dev.daas.recovery.sql;

import static dev.daas.recovery.sql.SqlTables.Operation.DELETE;
import static dev.daas.recovery.sql.SqlTables.Operation.INSERT;
import static dev.daas.recovery.sql.SqlTables.Operation.SELECT;
import static dev.daas.recovery.sql.SqlTables.Operation.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.recovery.sql.SqlTables.Operation;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SqlTablesTest {

  private static Map<String, Set<Operation>> tables(String sql) {
    SqlTables.Analysis analysis = SqlTables.analyze(sql);
    assertThat(analysis.parsed()).as("parsed: %s (%s)", sql, analysis.problem()).isTrue();
    return analysis.tables().stream()
        .collect(
            Collectors.toMap(
                SqlTables.TableUse::table,
                SqlTables.TableUse::operations,
                (a, b) -> a,
                TreeMap::new));
  }

  @Test
  void readsEveryTableOfAnExplicitJoin() {
    assertThat(
            tables(
                "select o.ORD_NO, o.ORD_DT from T_ORD_HDR o join T_CUST c on c.CUST_ID = o.CUST_ID"
                    + " left outer join T_ADDR a on a.CUST_ID = c.CUST_ID where c.CUST_ID = ? and"
                    + " o.O_STAT in (?)"))
        .isEqualTo(
            Map.of(
                "T_ADDR", Set.of(SELECT), "T_CUST", Set.of(SELECT), "T_ORD_HDR", Set.of(SELECT)));
  }

  @Test
  void readsEveryTableOfAnImplicitCommaJoin() {
    assertThat(tables("select a.X, b.Y from T_A a, T_B b, T_C where a.ID = b.A_ID and T_C.K = ?"))
        .containsOnlyKeys("T_A", "T_B", "T_C");
  }

  @Test
  void readsTablesOfSubqueriesInWhereAndFrom() {
    assertThat(
            tables(
                "select * from (select CUST_ID from T_ORD group by CUST_ID) x where x.CUST_ID in"
                    + " (select CUST_ID from T_CUST where C_STAT = ?) and exists (select 1 from"
                    + " T_BLK b where b.ID = x.CUST_ID)"))
        .containsOnlyKeys("T_ORD", "T_CUST", "T_BLK");
  }

  @Test
  void leavesCommonTableExpressionNamesOut() {
    assertThat(
            tables(
                "with recent as (select * from T_ORD where O_DT > ?) select r.ORD_NO from recent r"
                    + " join T_CUST c on c.CUST_ID = r.CUST_ID"))
        .containsOnlyKeys("T_ORD", "T_CUST");
  }

  @Test
  void insertTargetIsInsertedAndItsSelectIsRead() {
    assertThat(
            tables("insert into T_AUD (EVT, AT_TS) select ?, now() from T_CUST where CUST_ID = ?"))
        .isEqualTo(Map.of("T_AUD", Set.of(INSERT), "T_CUST", Set.of(SELECT)));
    assertThat(tables("insert into T_AUD values (?, ?)"))
        .isEqualTo(Map.of("T_AUD", Set.of(INSERT)));
  }

  @Test
  void updateTargetIsUpdatedAndSubqueryTablesAreRead() {
    assertThat(
            tables(
                "update T_CUST set C_STAT = ? where CUST_ID in (select CUST_ID from T_ORD where"
                    + " O_DT < ?)"))
        .isEqualTo(Map.of("T_CUST", Set.of(UPDATE), "T_ORD", Set.of(SELECT)));
  }

  @Test
  void deleteTargetIsDeleted() {
    assertThat(tables("delete from T_ORD_LN where ORD_NO = ?"))
        .isEqualTo(Map.of("T_ORD_LN", Set.of(DELETE)));
  }

  @Test
  void understandsMySqlQuirks() {
    assertThat(
            tables("select `c`.`C_NM` from `erp`.`T_CUST` `c` where `c`.`CUST_ID` = ? limit ?, ?"))
        .containsOnlyKeys("erp.T_CUST");
    assertThat(tables("insert into T_CNT (K, N) values (?, ?) on duplicate key update N = N + ?"))
        .isEqualTo(Map.of("T_CNT", Set.of(INSERT)));
    assertThat(tables("update T_A a join T_B b on a.ID = b.ID set a.X = b.Y where b.Z = ?"))
        .containsEntry("T_A", Set.of(UPDATE))
        .containsEntry("T_B", Set.of(SELECT));
  }

  @Test
  void understandsPostgresQuirks() {
    assertThat(
            tables(
                "select \"C_NM\" from \"public\".\"T_CUST\" where \"CUST_ID\" = ?::int limit ? offset ?"))
        .containsOnlyKeys("public.T_CUST");
    assertThat(
            tables(
                "insert into T_CNT (K, N) values (?, ?) on conflict (K) do update set N = T_CNT.N +"
                    + " excluded.N returning N"))
        .containsEntry("T_CNT", Set.of(INSERT));
    assertThat(tables("delete from T_SESS s using T_USR u where s.USR_ID = u.ID and u.ACT = ?"))
        .containsEntry("T_SESS", Set.of(DELETE))
        .containsEntry("T_USR", Set.of(SELECT));
  }

  @Test
  void reportsGarbageEmptyAndHugeStatementsAsUnparsedWithoutThrowing() {
    assertThat(SqlTables.analyze("this is not sql at all (").parsed()).isFalse();
    assertThat(SqlTables.analyze("select from where").parsed()).isFalse();
    assertThat(SqlTables.analyze("").problem()).isEqualTo("empty statement");
    assertThat(SqlTables.analyze(null).parsed()).isFalse();
    String huge = "select * from T_A where X in (" + "?, ".repeat(10_000) + "?)";
    SqlTables.Analysis analysis = SqlTables.analyze(huge);
    assertThat(analysis.parsed()).isFalse();
    assertThat(analysis.problem()).contains("longer than");
  }

  @Test
  void statementsWithoutTablesHaveNone() {
    assertThat(SqlTables.analyze("select 1").tables()).isEmpty();
    assertThat(SqlTables.analyze("commit").tables()).isEmpty();
  }

  @Test
  void unquotesQualifiedNames() {
    assertThat(SqlTables.name("\"public\".\"T_CUST\"")).isEqualTo("public.T_CUST");
    assertThat(SqlTables.name("[dbo].[T]")).isEqualTo("dbo.T");
  }
}
