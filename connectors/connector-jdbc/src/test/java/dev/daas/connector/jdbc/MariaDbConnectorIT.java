package dev.daas.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.daas.model.DataType;
import dev.daas.model.EntityKind;
import dev.daas.model.catalog.Column;
import dev.daas.model.catalog.ForeignKey;
import dev.daas.model.catalog.PrimaryKey;
import dev.daas.model.catalog.Table;
import dev.daas.model.catalog.TableIndex;
import dev.daas.model.catalog.UniqueConstraint;
import dev.daas.model.query.Condition;
import dev.daas.model.query.Condition.Operator;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class MariaDbConnectorIT extends AbstractJdbcConnectorIT {
  static final String S = "it_connector_maria";

  @Override
  String url() {
    return "jdbc:mariadb://127.0.0.1:3306/test";
  }

  @Override
  String user() {
    return "root";
  }

  @Override
  String schema() {
    return S;
  }

  @Override
  JdbcDialect dialect() {
    return new MariaDbDialect(false);
  }

  @Override
  String dropSchema() {
    return "drop database if exists " + S;
  }

  @Override
  List<String> setRatios() {
    String table = S + ".T_CUST";
    return List.of(
        "update " + table + " set C_RATIO = 0.1 where C_NM in ('Alice', 'O''Brien_100%')",
        "update " + table + " set C_RATIO = 0.2 where C_NM = 'Carol'");
  }

  @Override
  String countCustomers() {
    return "select count(*) from " + S + ".T_CUST";
  }

  @Override
  List<String> fixture() {
    return fixture(S, true);
  }

  /** The fixture in MariaDB or MySQL syntax: MySQL has no UUID type, so it uses char(36). */
  static List<String> fixture(String database, boolean mariaDb) {
    String d = database + ".";
    return List.of(
        "drop database if exists " + database,
        "create database " + database,
        "create table "
            + d
            + "T_CUST (C_REG varchar(4) not null, C_NO int not null,"
            + " C_NM varchar(60) not null comment 'Customer name', C_EMAIL varchar(120),"
            + " C_TIER enum('BRONZE', 'SILVER', 'GOLD') default 'BRONZE', C_BAL decimal(30, 10),"
            + " C_BIG bigint unsigned, C_SCORE double, C_RATIO float, C_ACTIVE tinyint(1) not null"
            + " default 1, C_BORN date, C_WAKE time, C_SEEN datetime, C_STAMP timestamp null,"
            + " C_PIC varbinary(64), C_BLOB blob, C_META json, C_REF "
            + (mariaDb ? "uuid" : "char(36)")
            + ", C_ID bigint not null auto_increment,"
            + " constraint PK_CUST primary key (C_REG, C_NO), constraint UQ_CUST_EMAIL unique"
            + " (C_EMAIL), key IX_CUST_ID (C_ID), key IX_CUST_NM (C_NM, C_NO),"
            + " key IX_CUST_NO_REG (C_NO, C_REG)) comment 'Customers'",
        "create table "
            + d
            + "T_ORD (O_ID int primary key, O_CNO int not null,"
            + " O_REG varchar(4) not null, O_AMT decimal(12, 2),"
            + " constraint FK_ORD_CUST foreign key (O_CNO, O_REG) references "
            + d
            + "T_CUST (C_NO, C_REG))",
        "create table " + d + "T_LOG (L_MSG varchar(200), L_AT datetime)",
        "create view " + d + "V_CUST as select C_REG, C_NO, C_NM from " + d + "T_CUST",
        "create view " + d + "V_SLOW as select sleep(3) as S",
        "insert into "
            + d
            + "T_CUST (C_REG, C_NO, C_NM, C_EMAIL, C_TIER, C_BAL, C_BIG, C_SCORE,"
            + " C_ACTIVE, C_BORN, C_WAKE, C_SEEN, C_PIC, C_META, C_REF) values"
            + " ('N', 1, 'Alice', 'a@x.org', 'GOLD', 12345678901234567890.1234567890,"
            + " 18446744073709551615, 1.5, 1, '1990-01-31', '13:45:00', '2024-01-31 13:45:00',"
            + " X'CAFE0001', '{\"a\": 1}', '"
            + ALICE_REF
            + "'),"
            + " ('N', 2, 'Bob', null, 'SILVER', 0.5, 7, null, 0, null, null, null, null, null, null),"
            + " ('S', 1, 'Carol', 'c@x.org', null, null, null, 2.5, 1, null, null,"
            + " '2023-05-01 08:00:00', null, null, null),"
            + " ('S', 2, 'O''Brien_100%', 'o@x.org', 'BRONZE', -3, null, 0.25, 1, null, null, null,"
            + " null, null, null)",
        "insert into "
            + d
            + "T_ORD values (10, 1, 'N', 5.00), (11, 1, 'N', 7.50),"
            + " (12, 1, 'S', 1.00), (13, 2, 'N', 3.00)");
  }

  private Column column(String table, String name) {
    return model.table(table).columns().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void readsTablesViewsCommentsAndTheProduct() {
    assertThat(catalog.databaseProduct()).matches("MariaDB \\d+\\.\\d+\\.\\d+");
    assertThat(catalog.tables())
        .extracting(Table::schema, Table::name, Table::kind)
        .containsExactly(
            tuple(S, "T_CUST", EntityKind.TABLE),
            tuple(S, "T_LOG", EntityKind.TABLE),
            tuple(S, "T_ORD", EntityKind.TABLE),
            tuple(S, "V_CUST", EntityKind.VIEW),
            tuple(S, "V_SLOW", EntityKind.VIEW));
    assertThat(model.table("T_CUST").comment()).isEqualTo("Customers");
    assertThat(model.table("V_CUST").comment()).isNull();
  }

  @Test
  void mapsEveryNativeTypeToItsPortableTypeAndDetectsJsonByItsCheck() {
    assertThat(model.table("T_CUST").columns())
        .extracting(Column::name, Column::type)
        .containsExactly(
            tuple("C_REG", DataType.STRING),
            tuple("C_NO", DataType.INTEGER),
            tuple("C_NM", DataType.STRING),
            tuple("C_EMAIL", DataType.STRING),
            tuple("C_TIER", DataType.ENUM),
            tuple("C_BAL", DataType.DECIMAL),
            tuple("C_BIG", DataType.INTEGER),
            tuple("C_SCORE", DataType.FLOAT),
            tuple("C_RATIO", DataType.FLOAT),
            tuple("C_ACTIVE", DataType.BOOLEAN),
            tuple("C_BORN", DataType.DATE),
            tuple("C_WAKE", DataType.TIME),
            tuple("C_SEEN", DataType.TIMESTAMP),
            tuple("C_STAMP", DataType.TIMESTAMP),
            tuple("C_PIC", DataType.BINARY),
            tuple("C_BLOB", DataType.BINARY),
            tuple("C_META", DataType.JSON),
            tuple("C_REF", DataType.UUID),
            tuple("C_ID", DataType.INTEGER));
    assertThat(column("T_CUST", "C_META").nativeType()).isEqualTo("json");
  }

  @Test
  void readsNullabilityDefaultsSizesCommentsEnumLabelsAndAutoIncrement() {
    assertThat(column("T_CUST", "C_NM"))
        .extracting(Column::nullable, Column::maxLength, Column::comment)
        .containsExactly(false, 60, "Customer name");
    assertThat(column("T_CUST", "C_PIC").maxLength()).isEqualTo(64);
    assertThat(column("T_CUST", "C_EMAIL").nullable()).isTrue();
    assertThat(column("T_CUST", "C_BAL"))
        .extracting(Column::precision, Column::scale)
        .containsExactly(30, 10);
    assertThat(column("T_CUST", "C_TIER").enumValues()).containsExactly("BRONZE", "SILVER", "GOLD");
    assertThat(column("T_CUST", "C_TIER").defaultValue()).isEqualTo("'BRONZE'");
    assertThat(column("T_CUST", "C_ACTIVE").defaultValue()).isEqualTo("1");
    assertThat(column("T_CUST", "C_EMAIL").defaultValue()).isNull();
    assertThat(column("T_CUST", "C_ID").generated()).isTrue();
    assertThat(column("T_CUST", "C_NO").generated()).isFalse();
  }

  @Test
  void readsKeysCompositeForeignKeyColumnOrderUniquesAndIndexes() {
    Table customers = model.table("T_CUST");
    assertThat(customers.primaryKey())
        .isEqualTo(new PrimaryKey("PRIMARY", List.of("C_REG", "C_NO")));
    assertThat(customers.uniqueConstraints())
        .containsExactly(new UniqueConstraint("UQ_CUST_EMAIL", List.of("C_EMAIL")));
    assertThat(customers.indexes())
        .containsExactlyInAnyOrder(
            new TableIndex("IX_CUST_ID", List.of("C_ID"), false),
            new TableIndex("IX_CUST_NM", List.of("C_NM", "C_NO"), false),
            new TableIndex("IX_CUST_NO_REG", List.of("C_NO", "C_REG"), false),
            new TableIndex("PRIMARY", List.of("C_REG", "C_NO"), true),
            new TableIndex("UQ_CUST_EMAIL", List.of("C_EMAIL"), true));
    assertThat(model.table("T_ORD").foreignKeys())
        .containsExactly(
            new ForeignKey(
                "FK_ORD_CUST", List.of("O_CNO", "O_REG"), S, "T_CUST", List.of("C_NO", "C_REG")));
    assertThat(model.table("T_LOG").primaryKey()).isNull();
  }

  @Test
  void readsUnsignedBigintBeyondLongAsBigInteger() {
    assertThat(alice()).containsEntry("c_big", new BigInteger("18446744073709551615"));
    assertThat(
            names(
                new Condition.Compare(
                    c("c_big"), Operator.EQ, new BigInteger("18446744073709551615"))))
        .containsExactly("Alice");
    assertThat(names(new Condition.Compare(c("c_big"), Operator.EQ, 7L))).containsExactly("Bob");
  }
}
