package dev.daas.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.DataType;
import dev.daas.model.EntityKind;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Column;
import dev.daas.model.catalog.ForeignKey;
import dev.daas.model.catalog.PrimaryKey;
import dev.daas.model.catalog.Table;
import dev.daas.model.catalog.TableIndex;
import dev.daas.model.catalog.UniqueConstraint;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class H2CatalogReaderTest {
  private static Catalog catalog;

  @BeforeAll
  static void readCatalog() throws Exception {
    DataSource dataSource = TestingH2Database.create("catalog_reader");
    catalog =
        new JdbcCatalogIntrospector("h2", List.of(), dataSource, new H2Dialect()).introspect();
  }

  private static Table table(String name) {
    return new TestingModel(catalog).table(name);
  }

  private static Column column(String table, String column) {
    return table(table).columns().stream()
        .filter(c -> c.name().equals(column))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void readsTablesAndViewsOfThePublicSchemaSortedByName() {
    assertThat(catalog.databaseProduct()).matches("H2 2\\.\\d+\\.\\d+");
    assertThat(catalog.tables())
        .extracting(Table::qualifiedName)
        .containsExactly("PUBLIC.T_CUST", "PUBLIC.T_LOG", "PUBLIC.T_ORD", "PUBLIC.V_CUST");
    assertThat(table("V_CUST").kind()).isEqualTo(EntityKind.VIEW);
    assertThat(table("T_CUST").kind()).isEqualTo(EntityKind.TABLE);
  }

  @Test
  void mapsEveryColumnTypeToItsPortableType() {
    assertThat(table("T_CUST").columns())
        .extracting(Column::name, Column::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("C_REG", DataType.STRING),
            org.assertj.core.groups.Tuple.tuple("C_NO", DataType.INTEGER),
            org.assertj.core.groups.Tuple.tuple("C_NM", DataType.STRING),
            org.assertj.core.groups.Tuple.tuple("C_EMAIL", DataType.STRING),
            org.assertj.core.groups.Tuple.tuple("C_TIER", DataType.ENUM),
            org.assertj.core.groups.Tuple.tuple("C_BAL", DataType.DECIMAL),
            org.assertj.core.groups.Tuple.tuple("C_SCORE", DataType.FLOAT),
            org.assertj.core.groups.Tuple.tuple("C_ACTIVE", DataType.BOOLEAN),
            org.assertj.core.groups.Tuple.tuple("C_BORN", DataType.DATE),
            org.assertj.core.groups.Tuple.tuple("C_WAKE", DataType.TIME),
            org.assertj.core.groups.Tuple.tuple("C_SEEN", DataType.TIMESTAMP),
            org.assertj.core.groups.Tuple.tuple("C_SEEN_TZ", DataType.TIMESTAMP_TZ),
            org.assertj.core.groups.Tuple.tuple("C_PIC", DataType.BINARY),
            org.assertj.core.groups.Tuple.tuple("C_META", DataType.JSON),
            org.assertj.core.groups.Tuple.tuple("C_REF", DataType.UUID),
            org.assertj.core.groups.Tuple.tuple("C_ID", DataType.INTEGER));
  }

  @Test
  void readsNullabilityDefaultsLengthsPrecisionEnumLabelsAndIdentity() {
    assertThat(column("T_CUST", "C_NM").nullable()).isFalse();
    assertThat(column("T_CUST", "C_NM").maxLength()).isEqualTo(60);
    assertThat(column("T_CUST", "C_NM").comment()).isEqualTo("Customer name");
    assertThat(column("T_CUST", "C_EMAIL").nullable()).isTrue();
    assertThat(column("T_CUST", "C_BAL").precision()).isEqualTo(30);
    assertThat(column("T_CUST", "C_BAL").scale()).isEqualTo(10);
    assertThat(column("T_CUST", "C_TIER").enumValues()).containsExactly("BRONZE", "SILVER", "GOLD");
    assertThat(column("T_CUST", "C_TIER").defaultValue()).isEqualTo("'BRONZE'");
    assertThat(column("T_CUST", "C_ACTIVE").defaultValue()).isEqualTo("TRUE");
    assertThat(column("T_CUST", "C_ID").generated()).isTrue();
    assertThat(column("T_CUST", "C_NO").generated()).isFalse();
    assertThat(table("T_CUST").comment()).isEqualTo("Customers");
  }

  @Test
  void readsCompositePrimaryKeyUniqueConstraintsForeignKeysAndIndexes() {
    Table customers = table("T_CUST");
    assertThat(customers.primaryKey())
        .isEqualTo(new PrimaryKey("PK_CUST", List.of("C_REG", "C_NO")));
    assertThat(customers.uniqueConstraints())
        .containsExactly(new UniqueConstraint("UQ_CUST_EMAIL", List.of("C_EMAIL")));
    assertThat(customers.indexes())
        .contains(new TableIndex("IX_CUST_NM", List.of("C_NM", "C_NO"), false));
    assertThat(table("T_ORD").foreignKeys())
        .containsExactly(
            new ForeignKey(
                "FK_ORD_CUST",
                List.of("O_REG", "O_CNO"),
                "PUBLIC",
                "T_CUST",
                List.of("C_REG", "C_NO")));
    assertThat(table("T_LOG").primaryKey()).isNull();
    assertThat(table("T_LOG").uniqueConstraints()).isEmpty();
  }
}
