package dev.daas.gateway;

import dev.daas.model.Attribute;
import dev.daas.model.Cardinality;
import dev.daas.model.DataModel;
import dev.daas.model.DataType;
import dev.daas.model.Entity;
import dev.daas.model.EntityKind;
import dev.daas.model.Key;
import dev.daas.model.Relationship;
import dev.daas.model.RelationshipKind;
import java.util.List;

/**
 * A hand-built model with legacy-style names: a customer table with every data type, orders with a
 * composite key, order lines referencing orders through a composite foreign key, a keyless view, a
 * table whose primary key is binary (so it has no identifying key and is list-only) and a keyless
 * view without any orderable attribute.
 */
public final class TestingModels {
  public static final String CUSTOMER = "T_CUST";
  public static final String ORDER = "T_ORD";
  public static final String LINE = "T_LINE";
  public static final String SALES = "V_SALES";
  public static final String BLOB = "T_BLOB";
  public static final String DOCS = "V_DOCS";

  private TestingModels() {}

  public static DataModel legacy() {
    Entity customer =
        entity(
            CUSTOMER,
            EntityKind.TABLE,
            List.of(
                attribute("C_ID", DataType.INTEGER, false),
                attribute("C_NM", DataType.STRING, false),
                attribute("C_BAL", DataType.DECIMAL, true),
                attribute("C_RATE", DataType.FLOAT, true),
                attribute("C_ACT", DataType.BOOLEAN, true),
                attribute("C_BORN", DataType.DATE, true),
                attribute("C_OPEN", DataType.TIME, true),
                attribute("C_CRT", DataType.TIMESTAMP, true),
                attribute("C_UPD", DataType.TIMESTAMP_TZ, true),
                attribute("C_PIC", DataType.BINARY, true),
                attribute("C_META", DataType.JSON, true),
                attribute("C_UID", DataType.UUID, true),
                enumAttribute("C_MOOD", List.of("happy", "sad")),
                attribute("C_GEO", DataType.OTHER, true),
                attribute("C_BIG", DataType.INTEGER, true)),
            new Key("pk_cust", List.of("C_ID")));
    Entity order =
        entity(
            ORDER,
            EntityKind.TABLE,
            List.of(
                attribute("O_REG", DataType.STRING, false),
                attribute("O_NO", DataType.INTEGER, false),
                attribute("O_CUST", DataType.INTEGER, true),
                attribute("O_TOT", DataType.DECIMAL, true),
                attribute("O_DT", DataType.DATE, true)),
            new Key("pk_ord", List.of("O_REG", "O_NO")));
    Entity line =
        entity(
            LINE,
            EntityKind.TABLE,
            List.of(
                attribute("L_REG", DataType.STRING, false),
                attribute("L_NO", DataType.INTEGER, false),
                attribute("L_POS", DataType.INTEGER, false),
                attribute("L_QTY", DataType.INTEGER, true)),
            new Key("pk_line", List.of("L_REG", "L_NO", "L_POS")));
    Entity sales =
        entity(
            SALES,
            EntityKind.VIEW,
            List.of(
                attribute("S_REG", DataType.STRING, true),
                attribute("S_SUM", DataType.DECIMAL, true),
                attribute("S_DOC", DataType.JSON, true)),
            null);
    Entity blob =
        entity(
            BLOB,
            EntityKind.TABLE,
            List.of(
                attribute("B_HASH", DataType.BINARY, false),
                attribute("B_NM", DataType.STRING, false),
                attribute("B_SIZE", DataType.INTEGER, true),
                attribute("B_DOC", DataType.JSON, true)),
            new Key("pk_blob", List.of("B_HASH")));
    Entity docs =
        entity(
            DOCS,
            EntityKind.VIEW,
            List.of(
                attribute("D_DOC", DataType.JSON, true),
                attribute("D_RAW", DataType.BINARY, true),
                attribute("D_GEO", DataType.OTHER, true)),
            null);
    return new DataModel(
        DataModel.FORMAT_VERSION,
        "legacy",
        "PostgreSQL 15",
        List.of(customer, order, line, sales, blob, docs),
        List.of(
            relationship("customer", "orders", ORDER, List.of("O_CUST"), CUSTOMER, List.of("C_ID")),
            relationship(
                "order", "lines", LINE, List.of("L_REG", "L_NO"), ORDER, List.of("O_REG", "O_NO"))),
        List.of());
  }

  public static Entity entity(
      String name, EntityKind kind, List<Attribute> attributes, Key primaryKey) {
    return new Entity(
        name,
        "public",
        name.toLowerCase(),
        kind,
        null,
        attributes,
        primaryKey,
        null,
        null,
        null,
        null);
  }

  public static Attribute attribute(String name, DataType type, boolean nullable) {
    return new Attribute(
        name,
        name.toLowerCase(),
        type,
        type.name().toLowerCase(),
        nullable,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        false,
        null,
        null,
        false);
  }

  public static Attribute enumAttribute(String name, List<String> labels) {
    return new Attribute(
        name,
        name.toLowerCase(),
        DataType.ENUM,
        "mood",
        true,
        null,
        null,
        null,
        null,
        null,
        labels,
        false,
        null,
        null,
        false);
  }

  private static Relationship relationship(
      String name,
      String inverseName,
      String from,
      List<String> fromAttributes,
      String to,
      List<String> toAttributes) {
    return new Relationship(
        name,
        inverseName,
        RelationshipKind.DECLARED,
        from,
        fromAttributes,
        to,
        toAttributes,
        Cardinality.MANY_TO_ONE,
        "fk_" + name,
        1.0,
        List.of());
  }
}
