package dev.daas.gateway.policy;

import static dev.daas.gateway.TestingModels.CUSTOMER;
import static dev.daas.gateway.TestingModels.LINE;
import static dev.daas.gateway.TestingModels.ORDER;
import static dev.daas.gateway.TestingPolicies.authorization;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.gateway.TestingModels;
import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.DataType;
import dev.daas.model.Entity;
import dev.daas.model.Evidence;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.Relationship;
import dev.daas.model.ValueDomain;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a caller's API document and index are built from: only what its policy shows. */
class CallerModelTest {
  private static final DataModel MODEL = TestingModels.legacy();

  @Test
  void anUnrestrictedCallerSeesTheModelItself() {
    assertThat(CallerModel.of(MODEL, Authorization.unrestricted(MODEL))).isSameAs(MODEL);
  }

  @Test
  void entitiesWithoutReadAccessAndHiddenFieldsAreLeftOut() {
    DataModel view = CallerModel.of(MODEL, authorization(Map.of("region", "EU"), "clerk"));

    assertThat(view.entities()).extracting(Entity::name).containsExactly(CUSTOMER, ORDER);
    Entity customer = view.entity(CUSTOMER).orElseThrow();
    assertThat(customer.attributes())
        .extracting(Attribute::name)
        .doesNotContain("C_BAL", "C_PIC")
        .contains("C_ID", "C_NM", "C_UID");
    assertThat(view.relationships())
        .extracting(Relationship::name)
        .containsExactly("customer")
        .as("the relationship to %s, which the clerk may not read, is left out", LINE);
  }

  @Test
  void fieldsServedAsTextAreStringsAndSaySo() {
    DataModel view = CallerModel.of(MODEL, authorization(Map.of("region", "EU"), "clerk"));
    Entity customer = view.entity(CUSTOMER).orElseThrow();

    Attribute uid = customer.requireAttribute("C_UID");
    assertThat(uid.type()).isEqualTo(DataType.STRING);
    assertThat(uid.nullable()).isTrue();
    assertThat(uid.description()).contains("Masked for this caller");
    assertThat(customer.requireAttribute("C_ID"))
        .isEqualTo(MODEL.entity(CUSTOMER).orElseThrow().requireAttribute("C_ID"));
  }

  @Test
  void keysAndRelationshipsOverFieldsNotShownClearAreLeftOut() {
    DataModel view = CallerModel.of(MODEL, authorization(Map.of(), "key-hidden"));

    assertThat(view.entity(CUSTOMER).orElseThrow().primaryKey()).isNull();
    assertThat(view.entity(CUSTOMER).orElseThrow().attributes())
        .extracting(Attribute::name)
        .containsExactly("C_NM");
    assertThat(view.entity(ORDER).orElseThrow().attributes())
        .extracting(Attribute::name)
        .doesNotContain("O_CUST");
    assertThat(view.relationships()).isEmpty();
  }

  @Test
  void aFieldMaskedAsTextForOneRoleIsTextOnRowsAnotherRoleShowsClear() {
    // the clerk hashes C_UID; "own" shows customer 2's C_UID clear: one type in every row
    Authorization both = authorization(Map.of("region", "EU", "customer", 2L), "clerk", "own");
    UUID uid = UUID.fromString("0b3c5f6e-1d2a-4c3b-9a8f-7e6d5c4b3a21");
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("C_ID", 2L);
    row.put("C_UID", uid);

    Map<String, Object> visible = both.visibleRow(CUSTOMER, Operation.READ, row).orElseThrow();

    assertThat(visible.get("C_UID")).isEqualTo(uid.toString());
    assertThat(
            CallerModel.of(MODEL, both)
                .entity(CUSTOMER)
                .orElseThrow()
                .requireAttribute("C_UID")
                .type())
        .isEqualTo(DataType.STRING);
  }

  @Test
  void valueDomainsAreShownOnlyWhereNoRowFilterCouldHideTheRowsTheyCameFrom() {
    ValueDomain regions = new ValueDomain(List.of("EU", "US", "NORTH-7731"), false, List.of());
    Entity order = MODEL.entity(ORDER).orElseThrow();
    List<Attribute> attributes =
        order.attributes().stream()
            .map(a -> a.name().equals("O_REG") ? a.withAnnotations(null, regions, false) : a)
            .toList();
    DataModel model =
        MODEL.withEntities(
            MODEL.entities().stream()
                .map(e -> e.name().equals(ORDER) ? e.withAttributes(attributes, null) : e)
                .toList());

    Attribute clerkSees =
        CallerModel.of(model, authorization(Map.of("region", "EU"), "clerk"))
            .entity(ORDER)
            .orElseThrow()
            .requireAttribute("O_REG");
    Attribute auditorSees =
        CallerModel.of(model, authorization(Map.of(), "auditor"))
            .entity(ORDER)
            .orElseThrow()
            .requireAttribute("O_REG");

    assertThat(clerkSees.valueDomain()).isNull();
    assertThat(auditorSees.valueDomain()).isEqualTo(regions);
  }

  @Test
  void entityEvidenceWhichNamesColumnsIsLeftOutForRestrictedCallers() {
    Entity customer = MODEL.entity(CUSTOMER).orElseThrow();
    Entity withEvidence =
        new Entity(
            customer.name(),
            customer.schema(),
            customer.table(),
            customer.kind(),
            customer.description(),
            customer.attributes(),
            customer.primaryKey(),
            customer.uniqueKeys(),
            customer.indexes(),
            List.of(
                new Evidence(
                    EvidenceChannel.DATA_CHECK, "primary key [C_BAL]: unique in 500 rows", 1)),
            customer.readableName());
    DataModel model =
        MODEL.withEntities(
            MODEL.entities().stream()
                .map(e -> e.name().equals(CUSTOMER) ? withEvidence : e)
                .toList());

    DataModel clerkSees = CallerModel.of(model, authorization(Map.of("region", "EU"), "clerk"));

    assertThat(clerkSees.entity(CUSTOMER).orElseThrow().evidence()).isEmpty();
    assertThat(clerkSees.toString()).doesNotContain("C_BAL");
    assertThat(CallerModel.of(model, Authorization.unrestricted(model))).isSameAs(model);
  }
}
