package dev.daas.recovery.infer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkloadTest {

  @Test
  void skimsPlainSingleTableStatementsOnly() {
    assertThat(Workload.singleTable("select C_NM from T_CUST where CUST_ID = ?")).isTrue();
    assertThat(Workload.singleTable("update T_CUST set C_NM = ?, C_STAT = ? where CUST_ID = ?"))
        .isTrue();
    assertThat(Workload.singleTable("insert into T_CUST (CUST_ID, C_NM) values (?, ?)")).isTrue();
    assertThat(Workload.singleTable("delete from T_CUST where CUST_ID = ?")).isTrue();

    assertThat(Workload.singleTable("select * from T_ORD o, T_CUST c where o.CUST_ID = c.CUST_ID"))
        .isFalse();
    assertThat(Workload.singleTable("select * from T_ORD o join T_CUST c on 1 = 1")).isFalse();
    assertThat(
            Workload.singleTable(
                "select * from T_CUST where CUST_ID in (select CUST_ID from T_ORD)"))
        .isFalse();
    assertThat(Workload.singleTable("select * from T_CUST where C_STAT = 'A'")).isFalse();
    assertThat(Workload.singleTable("select * from T_CUST where C_LVL = 3")).isFalse();
    assertThat(Workload.singleTable("update T_ORD_LN set QTY = ? from T_ORD o where o.ORD_NO = ?"))
        .isFalse();
    assertThat(Workload.singleTable("update T_ORD o, T_CUST c set o.X = ? where o.C = c.C"))
        .isFalse();
    assertThat(Workload.singleTable("delete from T_SHIP s using T_ORD o where o.ORD_NO = s.ORD_NO"))
        .isFalse();
    assertThat(Workload.singleTable("insert into T_SHIP (A) select A from T_ORD")).isFalse();
    assertThat(Workload.singleTable("call refresh(?)")).isFalse();
  }
}
