package dev.daas.apigen;

import dev.daas.model.Attribute;
import dev.daas.model.Cardinality;
import dev.daas.model.DataModel;
import dev.daas.model.DataType;
import dev.daas.model.Entity;
import dev.daas.model.EntityKind;
import dev.daas.model.Evidence;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.Key;
import dev.daas.model.Relationship;
import dev.daas.model.RelationshipKind;
import dev.daas.model.ValueDomain;
import java.util.ArrayList;
import java.util.List;

/** Hand-built models, shaped like what recovery makes of real legacy databases. */
final class TestingModels {
  private TestingModels() {}

  /**
   * An order system with cryptic names: composite primary and foreign keys, a keyless view, a
   * self-referencing inferred relationship and two relationships between order and address.
   */
  static DataModel legacyErp() {
    Entity address =
        table(
            "address",
            "T_ADR",
            "Postal addresses",
            List.of(
                attribute("id", "A_ID", DataType.INTEGER, "int8", false).generated(),
                attribute("street", "A_STR", DataType.STRING, "varchar", true).maxLength(80)),
            new Key("pk_t_adr", List.of("id")));
    Entity customer =
        table(
            "customer",
            "T_CUST",
            "Customers",
            List.of(
                attribute("id", "C_ID", DataType.INTEGER, "int8", false).generated(),
                attribute("name", "C_NM", DataType.STRING, "varchar", false)
                    .maxLength(40)
                    .comment("Customer name"),
                attribute("status", "C_STAT", DataType.ENUM, "cust_status", true)
                    .enumValues("active", "dormant", "closed"),
                attribute("created", "C_CRT", DataType.TIMESTAMP, "timestamp", true)
                    .defaultValue("now()")),
            new Key("pk_t_cust", List.of("id")));
    Entity balance =
        new Entity(
            "customer_balance",
            "public",
            "V_CUST_BAL",
            EntityKind.VIEW,
            null,
            List.of(
                attribute("customer_id", "CB_CUST", DataType.INTEGER, "int8", true).build(),
                attribute("balance", "CB_BAL", DataType.DECIMAL, "numeric", true)
                    .precision(14, 2)
                    .build()),
            null,
            List.of(),
            List.of(),
            List.of(Evidence.catalog("view public.V_CUST_BAL")),
            null);
    Entity employee =
        table(
            "employee",
            "T_EMP",
            null,
            List.of(
                attribute("id", "EMP_ID", DataType.INTEGER, "int4", false),
                attribute("manager_id", "MGR_ID", DataType.INTEGER, "int4", true)),
            new Key(null, List.of("id")));
    Entity order =
        table(
            "order",
            "T_ORD",
            "Orders; the key is the branch and a number per branch",
            List.of(
                attribute("branch", "O_BR", DataType.STRING, "bpchar", false).maxLength(3),
                attribute("number", "O_NO", DataType.INTEGER, "int4", false),
                attribute("customer_id", "O_CUST", DataType.INTEGER, "int8", true),
                attribute("billing_address_id", "O_BADR", DataType.INTEGER, "int8", true),
                attribute("shipping_address_id", "O_SADR", DataType.INTEGER, "int8", true),
                attribute("total", "O_TOT", DataType.DECIMAL, "numeric", false).precision(12, 2)),
            new Key("pk_t_ord", List.of("branch", "number")));
    Entity orderLine =
        table(
            "order_line",
            "T_ORD_LN",
            null,
            List.of(
                attribute("branch", "OL_BR", DataType.STRING, "bpchar", false).maxLength(3),
                attribute("number", "OL_NO", DataType.INTEGER, "int4", false),
                attribute("line", "OL_LN", DataType.INTEGER, "int2", false),
                attribute("article", "OL_ART", DataType.STRING, "varchar", false).maxLength(20)),
            new Key("pk_t_ord_ln", List.of("branch", "number", "line")));

    List<Relationship> relationships =
        List.of(
            relationship(
                    "customer", "balances", "customer_balance", "customer_id", "customer", "id")
                .inferred(0.7, new Evidence(EvidenceChannel.PROBE, "view joined by CustDao", 12)),
            relationship("manager", "reports", "employee", "manager_id", "employee", "id")
                .inferred(
                    0.85,
                    new Evidence(EvidenceChannel.PROBE, "JOIN T_EMP m ON e.MGR_ID = m.EMP_ID", 42),
                    new Evidence(EvidenceChannel.STATEMENT_STATS, "join in top statements", 7)),
            relationship(
                    "billing_address",
                    "billed_orders",
                    "order",
                    "billing_address_id",
                    "address",
                    "id")
                .declared("fk_ord_badr"),
            relationship("customer", "orders", "order", "customer_id", "customer", "id")
                .declared("fk_ord_cust"),
            relationship(
                    "shipping_address",
                    "shipped_orders",
                    "order",
                    "shipping_address_id",
                    "address",
                    "id")
                .declared("fk_ord_sadr"),
            new Relationship(
                "order",
                "lines",
                RelationshipKind.DECLARED,
                "order_line",
                List.of("branch", "number"),
                "order",
                List.of("branch", "number"),
                Cardinality.MANY_TO_ONE,
                "fk_ord_ln_ord",
                1.0,
                List.of(Evidence.catalog("foreign key fk_ord_ln_ord"))));
    return new DataModel(
        DataModel.FORMAT_VERSION,
        "legacy",
        "PostgreSQL 15.19",
        List.of(address, customer, balance, employee, order, orderLine),
        relationships,
        List.of());
  }

  /**
   * The legacy ERP with what recovery and curation add: readable names, an open value domain, a
   * closed one, a PII attribute, and a candidate relationship that must never be served.
   */
  static DataModel annotated() {
    DataModel erp = legacyErp();
    ValueDomain branches =
        new ValueDomain(
            List.of("001", "002"),
            false,
            List.of(new Evidence(EvidenceChannel.PROBE, "literals compared in statements", 2)));
    List<Entity> entities = new ArrayList<>();
    for (Entity e : erp.entities()) {
      List<Attribute> attributes = new ArrayList<>();
      for (Attribute a : e.attributes()) {
        attributes.add(
            switch (e.name() + "." + a.name()) {
              case "customer.name" -> a.withAnnotations("customer_name", null, true);
              case "customer.status" ->
                  a.withAnnotations(
                      null,
                      new ValueDomain(
                          a.enumValues(), true, List.of(Evidence.catalog("enum type cust_status"))),
                      false);
              case "order.branch" -> a.withAnnotations("branch_code", branches, false);
              default -> a;
            });
      }
      entities.add(e.withAttributes(attributes, e.name().equals("order") ? "sales_order" : null));
    }
    Relationship candidate =
        relationship("article", "lines", "order_line", "article", "customer", "name")
            .inferred(0.3, new Evidence(EvidenceChannel.DATA_CHECK, "data check: values", 1));
    return erp.withEntities(entities).withCandidates(List.of(candidate));
  }

  /** One entity with an attribute of every portable type, once required and once nullable. */
  static DataModel everyType() {
    List<Attribute> attributes = new java.util.ArrayList<>();
    attributes.add(attribute("id", "ID", DataType.UUID, "uuid", false).build());
    for (DataType type : DataType.values()) {
      String name = type.name().toLowerCase(java.util.Locale.ROOT);
      AttributeBuilder required =
          attribute(name + "_req", "R_" + type, type, nativeType(type), false);
      AttributeBuilder optional =
          attribute(name + "_opt", "O_" + type, type, nativeType(type), true);
      if (type == DataType.ENUM) {
        required.enumValues("red", "green", "blue");
        optional.enumValues("red", "green", "blue");
      }
      if (type == DataType.STRING) {
        required.maxLength(12);
      }
      if (type == DataType.DECIMAL) {
        required.precision(38, 10);
      }
      attributes.add(required.build());
      attributes.add(optional.build());
    }
    Entity sample =
        new Entity(
            "sample",
            "dbo",
            "SAMPLE",
            EntityKind.TABLE,
            "Every type",
            attributes,
            new Key("pk_sample", List.of("id")),
            List.of(),
            List.of(),
            List.of(Evidence.catalog("table dbo.SAMPLE")),
            null);
    // no primary key, but a unique key without nulls identifies the rows
    Entity code =
        new Entity(
            "code",
            "dbo",
            "CODES",
            EntityKind.TABLE,
            null,
            List.of(
                attribute("code", "CD", DataType.STRING, "varchar", false).maxLength(8).build(),
                attribute("label", "LBL", DataType.STRING, "varchar", true).build()),
            null,
            List.of(new Key("uq_codes_cd", List.of("code"))),
            List.of(),
            List.of(),
            null);
    // a unique key over a nullable column identifies nothing: list-only
    Entity note =
        new Entity(
            "note",
            "dbo",
            "NOTES",
            EntityKind.TABLE,
            null,
            List.of(attribute("ref", "REF", DataType.STRING, "varchar", true).build()),
            null,
            List.of(new Key("uq_notes_ref", List.of("ref"))),
            List.of(),
            List.of(),
            null);
    // a binary primary key cannot address rows: list-only, ordered by the other fields
    Entity blob =
        table(
            "blob",
            "BLOBS",
            null,
            List.of(
                attribute("hash", "HASH", DataType.BINARY, "bytea", false),
                attribute("name", "NM", DataType.STRING, "varchar", false)),
            new Key("pk_blobs", List.of("hash")));
    // nothing orderable at all: one page only
    Entity document =
        new Entity(
            "document",
            "dbo",
            "DOCS",
            EntityKind.VIEW,
            null,
            List.of(
                attribute("body", "BODY", DataType.JSON, "jsonb", true).build(),
                attribute("shape", "SHAPE", DataType.OTHER, "point", true).build()),
            null,
            List.of(),
            List.of(),
            List.of(),
            null);
    return new DataModel(
        DataModel.FORMAT_VERSION,
        "types",
        "H2 2.3",
        List.of(code, note, sample, blob, document),
        List.of(),
        List.of());
  }

  /** Names that collide once turned into schema names and operation ids. */
  static DataModel awkwardNames() {
    List<Entity> entities =
        List.of(
            keyed("9lives"),
            keyed("Customer_"),
            keyed("customer"),
            keyed("customer_page"),
            keyed("my table"),
            keyed("page"),
            keyed("problem"));
    // broken on purpose: an embed name that clashes with an attribute, and an unknown entity
    List<Relationship> relationships =
        List.of(
            relationship("id", "customers", "customer", "id", "page", "id").declared("fk_clash"),
            relationship("ghost", "haunted", "page", "id", "ghost", "id").declared("fk_ghost"),
            relationship("page", "customers", "problem", "id", "page", "id").declared("fk_ok"));
    return new DataModel(
        DataModel.FORMAT_VERSION, "awkward", null, entities, relationships, List.of());
  }

  static DataModel empty() {
    return new DataModel(
        DataModel.FORMAT_VERSION, "empty", "MariaDB 10.11", List.of(), List.of(), List.of());
  }

  private static Entity keyed(String name) {
    return table(
        name,
        name.toUpperCase(java.util.Locale.ROOT),
        null,
        List.of(attribute("id", "ID", DataType.INTEGER, "int4", false)),
        new Key(null, List.of("id")));
  }

  private static String nativeType(DataType type) {
    return switch (type) {
      case STRING -> "varchar";
      case INTEGER -> "int8";
      case DECIMAL -> "numeric";
      case FLOAT -> "float8";
      case BOOLEAN -> "bool";
      case DATE -> "date";
      case TIME -> "time";
      case TIMESTAMP -> "timestamp";
      case TIMESTAMP_TZ -> "timestamptz";
      case BINARY -> "bytea";
      case JSON -> "jsonb";
      case UUID -> "uuid";
      case ENUM -> "colour";
      case OTHER -> "point";
    };
  }

  private static Entity table(
      String name, String table, String comment, List<AttributeBuilder> attributes, Key key) {
    return new Entity(
        name,
        "public",
        table,
        EntityKind.TABLE,
        comment,
        attributes.stream().map(AttributeBuilder::build).toList(),
        key,
        List.of(),
        List.of(),
        List.of(Evidence.catalog("table public." + table)),
        null);
  }

  static AttributeBuilder attribute(
      String name, String column, DataType type, String nativeType, boolean nullable) {
    return new AttributeBuilder(name, column, type, nativeType, nullable);
  }

  private static RelationshipBuilder relationship(
      String name,
      String inverseName,
      String from,
      String fromAttribute,
      String to,
      String toAttribute) {
    return new RelationshipBuilder(name, inverseName, from, fromAttribute, to, toAttribute);
  }

  static final class AttributeBuilder {
    private final String name;
    private final String column;
    private final DataType type;
    private final String nativeType;
    private final boolean nullable;
    private String defaultValue;
    private String comment;
    private Integer maxLength;
    private Integer precision;
    private Integer scale;
    private List<String> enumValues = List.of();
    private boolean generated;

    private AttributeBuilder(
        String name, String column, DataType type, String nativeType, boolean nullable) {
      this.name = name;
      this.column = column;
      this.type = type;
      this.nativeType = nativeType;
      this.nullable = nullable;
    }

    AttributeBuilder defaultValue(String value) {
      this.defaultValue = value;
      return this;
    }

    AttributeBuilder comment(String value) {
      this.comment = value;
      return this;
    }

    AttributeBuilder maxLength(int value) {
      this.maxLength = value;
      return this;
    }

    AttributeBuilder precision(int precision, int scale) {
      this.precision = precision;
      this.scale = scale;
      return this;
    }

    AttributeBuilder enumValues(String... values) {
      this.enumValues = List.of(values);
      return this;
    }

    AttributeBuilder generated() {
      this.generated = true;
      return this;
    }

    Attribute build() {
      return new Attribute(
          name,
          column,
          type,
          nativeType,
          nullable,
          defaultValue,
          comment,
          maxLength,
          precision,
          scale,
          enumValues,
          generated,
          null,
          null,
          false);
    }
  }

  private record RelationshipBuilder(
      String name,
      String inverseName,
      String from,
      String fromAttribute,
      String to,
      String toAttribute) {
    Relationship declared(String constraint) {
      return build(
          RelationshipKind.DECLARED,
          constraint,
          1.0,
          List.of(Evidence.catalog("foreign key " + constraint)));
    }

    Relationship inferred(double confidence, Evidence... evidence) {
      return build(RelationshipKind.INFERRED, null, confidence, List.of(evidence));
    }

    private Relationship build(
        RelationshipKind kind, String constraint, double confidence, List<Evidence> evidence) {
      return new Relationship(
          name,
          inverseName,
          kind,
          from,
          List.of(fromAttribute),
          to,
          List.of(toAttribute),
          Cardinality.MANY_TO_ONE,
          constraint,
          confidence,
          evidence);
    }
  }
}
