package dev.daas.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.Cardinality;
import dev.daas.model.DataModel;
import dev.daas.model.DataType;
import dev.daas.model.Entity;
import dev.daas.model.EntityKind;
import dev.daas.model.Relationship;
import dev.daas.model.RelationshipKind;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Column;
import dev.daas.model.catalog.ForeignKey;
import dev.daas.model.catalog.PrimaryKey;
import dev.daas.model.catalog.Table;
import dev.daas.model.catalog.TableIndex;
import dev.daas.model.catalog.UniqueConstraint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogRecoveryTest {

  private final CatalogRecovery recovery = new CatalogRecovery();

  @Test
  void lowerCasesUpperCaseNamesAndKeepsTheColumnBesideTheApiName() {
    DataModel model = recovery.recover("erp", legacyCatalog());

    Entity customer = model.entity("t_cust").orElseThrow();
    assertThat(customer.table()).isEqualTo("T_CUST");
    assertThat(customer.attributes())
        .extracting("name")
        .containsExactly("cust_id", "c_nm", "c_stat");
    assertThat(customer.requireAttribute("c_nm").column()).isEqualTo("C_NM");
    assertThat(customer.primaryKey().attributes()).containsExactly("cust_id");
  }

  @Test
  void keepsMixedCaseNamesAsTheyAre() {
    assertThat(ApiNames.of("OrderLine")).isEqualTo("OrderLine");
    assertThat(ApiNames.of("ORDER LINE-2")).isEqualTo("order_line_2");
    assertThat(ApiNames.of("1st")).isEqualTo("_1st");
  }

  @Test
  void turnsEachDeclaredForeignKeyIntoARelationshipWithBothEmbeddingNames() {
    DataModel model = recovery.recover("erp", legacyCatalog());

    Relationship customer = relationship(model, "t_ord_hdr", "cust");
    assertThat(customer.kind()).isEqualTo(RelationshipKind.DECLARED);
    assertThat(customer.toEntity()).isEqualTo("t_cust");
    assertThat(customer.inverseName()).isEqualTo("t_ord_hdr_by_cust_id");
    assertThat(customer.cardinality()).isEqualTo(Cardinality.MANY_TO_ONE);
    assertThat(customer.confidence()).isEqualTo(1.0);
    assertThat(customer.evidence())
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("fk_ord_cust"));
  }

  @Test
  void pairsCompositeForeignKeyColumnsInConstraintOrder() {
    DataModel model = recovery.recover("erp", legacyCatalog());

    Relationship line = relationship(model, "t_ship_ln", "t_ord_ln");
    assertThat(line.fromAttributes()).containsExactly("ord_no", "ln_no");
    assertThat(line.toAttributes()).containsExactly("ord_no", "ln_no");
    assertThat(line.cardinality()).isEqualTo(Cardinality.ONE_TO_ONE);
  }

  @Test
  void disambiguatesTwoForeignKeysBetweenTheSameTables() {
    DataModel model = recovery.recover("erp", legacyCatalog());

    List<Relationship> toCustomer =
        model.relationships().stream()
            .filter(r -> r.fromEntity().equals("t_ord_hdr") && r.toEntity().equals("t_cust"))
            .toList();
    assertThat(toCustomer).extracting(Relationship::name).containsExactly("bill_cust", "cust");
    assertThat(toCustomer)
        .extracting(Relationship::inverseName)
        .containsExactly("t_ord_hdr_by_bill_cust_id", "t_ord_hdr_by_cust_id");
  }

  @Test
  void givesViewsNoKeySoTheyAreListOnly() {
    Entity view = recovery.recover("erp", legacyCatalog()).entity("v_cust_bal").orElseThrow();

    assertThat(view.kind()).isEqualTo(EntityKind.VIEW);
    assertThat(view.identifyingKey()).isEmpty();
  }

  @Test
  void identifiesRowsOfAKeylessTableByANonNullUniqueConstraint() {
    Entity region = recovery.recover("erp", legacyCatalog()).entity("t_reg").orElseThrow();

    assertThat(region.primaryKey()).isNull();
    assertThat(region.identifyingKey())
        .hasValueSatisfying(k -> assertThat(k.attributes()).containsExactly("reg_cd"));
  }

  @Test
  void prefixesTheSchemaWhereTwoSchemasHoldTablesOfTheSameName() {
    Table a = table("sales", "ITEM", null, List.of(col("ID", false)), List.of(), List.of());
    Table b = table("stock", "ITEM", null, List.of(col("ID", false)), List.of(), List.of());

    DataModel model = recovery.recover("erp", new Catalog("H2", List.of(b, a)));

    assertThat(model.entities())
        .extracting(Entity::name)
        .containsExactly("sales_item", "stock_item");
  }

  @Test
  void givesTheSameModelWhateverTheOrderOfTheCatalog() {
    Catalog catalog = legacyCatalog();
    List<Table> shuffled = new ArrayList<>(catalog.tables());
    Collections.reverse(shuffled);

    assertThat(recovery.recover("erp", new Catalog(catalog.databaseProduct(), shuffled)))
        .isEqualTo(recovery.recover("erp", catalog));
  }

  @Test
  void skipsForeignKeysToTablesOutsideTheIncludedSchemas() {
    Table t =
        table(
            "public",
            "T_X",
            new PrimaryKey("pk", List.of("ID")),
            List.of(col("ID", false), col("OTHER_ID", true)),
            List.of(
                new ForeignKey("fk_out", List.of("OTHER_ID"), "elsewhere", "T_Y", List.of("ID"))),
            List.of());

    assertThat(recovery.recover("erp", new Catalog("H2", List.of(t))).relationships()).isEmpty();
  }

  private static Relationship relationship(DataModel model, String from, String name) {
    return model.relationships().stream()
        .filter(r -> r.fromEntity().equals(from) && r.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no relationship " + from + "." + name + " in " + model.relationships()));
  }

  static Catalog legacyCatalog() {
    Table cust =
        table(
            "public",
            "T_CUST",
            new PrimaryKey("pk_cust", List.of("CUST_ID")),
            List.of(col("CUST_ID", false), col("C_NM", true), col("C_STAT", false)),
            List.of(),
            List.of());
    Table ord =
        table(
            "public",
            "T_ORD_HDR",
            new PrimaryKey("pk_ord", List.of("ORD_NO")),
            List.of(col("ORD_NO", false), col("CUST_ID", false), col("BILL_CUST_ID", true)),
            List.of(
                new ForeignKey(
                    "fk_ord_cust", List.of("CUST_ID"), "public", "T_CUST", List.of("CUST_ID")),
                new ForeignKey(
                    "fk_ord_bill",
                    List.of("BILL_CUST_ID"),
                    "public",
                    "T_CUST",
                    List.of("CUST_ID"))),
            List.of());
    Table line =
        table(
            "public",
            "T_ORD_LN",
            new PrimaryKey("pk_ln", List.of("ORD_NO", "LN_NO")),
            List.of(col("ORD_NO", false), col("LN_NO", false)),
            List.of(
                new ForeignKey(
                    "fk_ln_ord", List.of("ORD_NO"), "public", "T_ORD_HDR", List.of("ORD_NO"))),
            List.of());
    Table ship =
        table(
            "public",
            "T_SHIP_LN",
            new PrimaryKey("pk_ship", List.of("LN_NO", "ORD_NO")),
            List.of(col("ORD_NO", false), col("LN_NO", false)),
            List.of(
                new ForeignKey(
                    "fk_ship_ln",
                    List.of("ORD_NO", "LN_NO"),
                    "public",
                    "T_ORD_LN",
                    List.of("ORD_NO", "LN_NO"))),
            List.of());
    Table region =
        new Table(
            "public",
            "T_REG",
            EntityKind.TABLE,
            null,
            List.of(col("REG_CD", false), col("REG_NM", true)),
            null,
            List.of(new UniqueConstraint("uq_reg", List.of("REG_CD"))),
            List.of(),
            List.of(new TableIndex("uq_reg", List.of("REG_CD"), true)));
    Table view =
        new Table(
            "public",
            "V_CUST_BAL",
            EntityKind.VIEW,
            "balances",
            List.of(col("CUST_ID", true), col("BAL", true)),
            null,
            List.of(),
            List.of(),
            List.of());
    return new Catalog("H2 2.4", List.of(cust, ord, line, ship, region, view));
  }

  private static Table table(
      String schema,
      String name,
      PrimaryKey pk,
      List<Column> columns,
      List<ForeignKey> fks,
      List<UniqueConstraint> uniques) {
    return new Table(schema, name, EntityKind.TABLE, null, columns, pk, uniques, fks, List.of());
  }

  private static Column col(String name, boolean nullable) {
    return new Column(
        name, DataType.INTEGER, "integer", nullable, null, null, null, 32, 0, List.of(), false);
  }
}
