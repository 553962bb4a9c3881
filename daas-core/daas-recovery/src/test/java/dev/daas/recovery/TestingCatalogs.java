package dev.daas.recovery;

import dev.daas.model.DataType;
import dev.daas.model.EntityKind;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Column;
import dev.daas.model.catalog.PrimaryKey;
import dev.daas.model.catalog.Table;
import java.util.ArrayList;
import java.util.List;

/** Small legacy-style catalogs for tests: abbreviated names, no declared foreign keys. */
public final class TestingCatalogs {
  private TestingCatalogs() {}

  /** The catalog that src/test/resources/sql/corpus.sql is written against. */
  public static Catalog corpus() {
    return new Catalog(
        "PostgreSQL 16",
        List.of(
            table("public", "T_CUST", "CUST_ID", "C_NM", "C_STAT", "REG_CD", "CRT_DT"),
            table("public", "T_ORD", "ORD_NO", "CUST_ID", "BILL_CUST_ID", "ORD_DT", "STAT_CD"),
            table("public", "T_ORD_LN", "ORD_NO", "LN_NO", "PROD_ID", "QTY", "AMT"),
            table("public", "T_PROD", "PROD_ID", "P_NM", "CAT_ID"),
            table("public", "T_CAT", "CAT_ID", "CAT_NM", "PARENT_CAT_ID"),
            table("public", "T_REG", "REG_CD", "REG_NM"),
            table("public", "T_SHIP", "SHIP_ID", "ORD_NO", "LN_NO", "SHIP_DT"),
            table("public", "T_EMP", "EMP_ID", "MGR_ID", "E_NM"),
            table("public", "T_PROD_SUPP", "PROD_ID", "SUPP_ID"),
            table("public", "T_SUPP", "SUPP_ID", "S_NM"),
            table("sales", "T_NOTE", "NOTE_ID", "CUST_ID", "TXT"),
            table("hist", "T_NOTE", "NOTE_ID", "TXT")));
  }

  /** A table without keys whose columns are integers, except names ending in NM, DT or TXT. */
  public static Table table(String schema, String name, String... columns) {
    return table(schema, name, null, columns);
  }

  public static Table table(String schema, String name, List<String> pk, String... columns) {
    List<Column> cols = new ArrayList<>();
    for (String c : columns) {
      cols.add(column(c, false));
    }
    return new Table(
        schema,
        name,
        EntityKind.TABLE,
        null,
        cols,
        pk == null ? null : new PrimaryKey("pk_" + name, pk),
        List.of(),
        List.of(),
        List.of());
  }

  public static Column column(String name, boolean nullable) {
    DataType type =
        name.endsWith("NM") || name.endsWith("TXT") || name.endsWith("STAT") || name.endsWith("_CD")
            ? DataType.STRING
            : name.endsWith("DT") ? DataType.DATE : DataType.INTEGER;
    String nativeType =
        switch (type) {
          case STRING -> "varchar";
          case DATE -> "date";
          default -> "integer";
        };
    return new Column(
        name, type, nativeType, nullable, null, null, null, null, null, List.of(), false);
  }
}
