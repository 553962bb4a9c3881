package dev.daas.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTemplatesTest {

  @Test
  void replacesStringLiteralsIncludingDoubledQuotes() {
    assertThat(SqlTemplates.normalise("select * from T where a = 'it''s' and b = 'x'"))
        .isEqualTo("select * from T where a = ? and b = ?");
  }

  @Test
  void replacesIntegerDecimalExponentAndNegativeNumbers() {
    assertThat(SqlTemplates.normalise("update T set a = 12, b = 3.5, c = 1e3, d = -7 where e = .5"))
        .isEqualTo("update T set a = ?, b = ?, c = ?, d = ? where e = ?");
  }

  @Test
  void keepsSubtractionBetweenColumns() {
    assertThat(SqlTemplates.normalise("select a - 1 from T")).isEqualTo("select a - ? from T");
  }

  @Test
  void replacesHexBinaryNationalAndTypedDateLiterals() {
    assertThat(SqlTemplates.normalise(
            "select * from T where h = 0x1F and x = X'0A' and b = B'101' and n = N'abc'"
                + " and d = DATE '2024-01-01' and t = timestamp '2024-01-01 10:00:00' and j = {d '2024-01-01'}"))
        .isEqualTo("select * from T where h = ? and x = ? and b = ? and n = ? and d = ? and t = ? and j = ?");
  }

  @Test
  void collapsesInListsOfAnyLength() {
    assertThat(SqlTemplates.normalise("select * from T where s in (1, 2, 3) and u IN ('a','b')"))
        .isEqualTo("select * from T where s in (?) and u IN (?)");
    assertThat(SqlTemplates.normalise("select * from T where s in (?, ?)"))
        .isEqualTo(SqlTemplates.normalise("select * from T where s in (?,?,?,?)"));
  }

  @Test
  void collapsesRepeatedValueTuples() {
    assertThat(SqlTemplates.normalise("insert into T (a, b) values (1, 'x'), (2, 'y'), (3, 'z')"))
        .isEqualTo("insert into T (a, b) values (?, ?)");
  }

  @Test
  void removesCommentsAndCollapsesWhitespace() {
    assertThat(SqlTemplates.normalise("  select /* hint 42 */ a,\n\t b -- trailing 'x'\n from   T  "))
        .isEqualTo("select a, b from T");
  }

  @Test
  void leavesDigitsInsideIdentifiersAlone() {
    assertThat(SqlTemplates.normalise("select C_NM2 from T_CUST2 t2 where t2.COL_1 = 5"))
        .isEqualTo("select C_NM2 from T_CUST2 t2 where t2.COL_1 = ?");
  }

  @Test
  void leavesQuotedIdentifiersAlone() {
    assertThat(SqlTemplates.normalise("select \"Col 1\", `x2`, [T 3] from \"T_CUST2\" where \"a\"\"b\" = 'v'"))
        .isEqualTo("select \"Col 1\", `x2`, [T 3] from \"T_CUST2\" where \"a\"\"b\" = ?");
  }

  @Test
  void keepsParameterMarkers() {
    assertThat(SqlTemplates.normalise("select a from T where b = ? and c = :name"))
        .isEqualTo("select a from T where b = ? and c = :name");
  }

  @Test
  void neverLetsALiteralValueThrough() {
    String template = SqlTemplates.normalise(
        "insert into USERS (NAME, SSN, PIN) values ('Alice Secret', '123-45-6789', 4711)");
    assertThat(template).doesNotContain("Alice", "123", "4711", "Secret");
  }

  @Test
  void truncatesVeryLongStatementsAndMarksThem() {
    StringBuilder sql = new StringBuilder("select ");
    for (int i = 0; i < 5000; i++) {
      sql.append("COLUMN_").append(i).append(", ");
    }
    sql.append("x from T");
    String template = SqlTemplates.normalise(sql.toString());
    assertThat(template).hasSize(SqlTemplates.MAX_TEMPLATE_CHARS).endsWith(SqlTemplates.TRUNCATED_MARKER);
  }

  @Test
  void normalisesAHugeInListQuickly() {
    StringBuilder sql = new StringBuilder("select * from T where id in (");
    for (int i = 0; i < 100_000; i++) {
      sql.append(i == 0 ? "" : ", ").append(i);
    }
    sql.append(")");
    long start = System.nanoTime();
    assertThat(SqlTemplates.normalise(sql.toString())).isEqualTo("select * from T where id in (?)");
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }

  @Test
  void unterminatedLiteralsAndCommentsDoNotFail() {
    assertThat(SqlTemplates.normalise("select 'abc")).isEqualTo("select ?");
    assertThat(SqlTemplates.normalise("select a /* open")).isEqualTo("select a");
    assertThat(SqlTemplates.normalise(null)).isEmpty();
  }

  @Test
  void namesTheOperationFromTheFirstKeyword() {
    assertThat(SqlTemplates.operation("SELECT 1")).isEqualTo("select");
    assertThat(SqlTemplates.operation("(select 1) union (select 2)")).isEqualTo("select");
    assertThat(SqlTemplates.operation("with x as (select 1) select * from x")).isEqualTo("select");
    assertThat(SqlTemplates.operation("insert into T values (?)")).isEqualTo("insert");
    assertThat(SqlTemplates.operation("Update T set a = ?")).isEqualTo("update");
    assertThat(SqlTemplates.operation("delete from T")).isEqualTo("delete");
    assertThat(SqlTemplates.operation("merge into T using S on (1=1)")).isEqualTo("merge");
    assertThat(SqlTemplates.operation("{call P(?)}")).isEqualTo("call");
    assertThat(SqlTemplates.operation("{? = call F(?)}")).isEqualTo("call");
    assertThat(SqlTemplates.operation("create table T (a int)")).isEqualTo("ddl");
    assertThat(SqlTemplates.operation("set schema X")).isEqualTo("other");
  }
}
