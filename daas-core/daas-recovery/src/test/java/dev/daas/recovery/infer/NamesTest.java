package dev.daas.recovery.infer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void dropsTechnicalPrefixesAndSplitsCamelCase() {
    assertThat(Names.stem("T_ORD_HDR")).isEqualTo("ord_hdr");
    assertThat(Names.stem("TBL_STUDENT")).isEqualTo("student");
    assertThat(Names.words("orderLineNo")).containsExactly("order", "line", "no");
  }

  @Test
  void scoresAbbreviationsOfTableStems() {
    assertThat(Names.abbreviates("cust", "cust")).isEqualTo(1.0);
    assertThat(Names.abbreviates("cust", "customer")).isEqualTo(1.0);
    assertThat(Names.abbreviates("stu", "student")).isEqualTo(1.0);
    assertThat(Names.abbreviates("dep", "department")).isEqualTo(0.7);
    assertThat(Names.abbreviates("oh", "ord_hdr")).isEqualTo(0.7);
    assertThat(Names.abbreviates("cst", "cust")).isEqualTo(0.55);
    assertThat(Names.abbreviates("c", "cust")).isEqualTo(0.4);
    assertThat(Names.abbreviates("ln", "location")).isZero();
    assertThat(Names.abbreviates("prod", "cust")).isZero();
  }

  @Test
  void recognisesTheOwnKeyOfATable() {
    assertThat(Names.ownKeyScore("CUST_ID", "cust")).isEqualTo(1.0);
    assertThat(Names.ownKeyScore("ID", "anything")).isEqualTo(0.9);
    assertThat(Names.ownKeyScore("C_NM", "cust")).isZero();
  }

  @Test
  void spellsOutColumnNamesThroughTheDictionary() {
    assertThat(ReadableNames.column("C_NM", "cust")).isEqualTo("name");
    assertThat(ReadableNames.column("ORD_DT", "ord")).isEqualTo("order_date");
    assertThat(ReadableNames.column("QTY", "ord_ln")).isEqualTo("quantity");
    assertThat(ReadableNames.column("CUSTOM_FLD", "x")).isEqualTo("custom_fld");
    assertThat(ReadableNames.snake("OrderLine")).isEqualTo("order_line");
  }
}
