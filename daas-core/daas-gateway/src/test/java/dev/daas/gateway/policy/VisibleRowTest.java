package dev.daas.gateway.policy;

import static dev.daas.gateway.TestingModels.CUSTOMER;
import static dev.daas.gateway.TestingModels.LINE;
import static dev.daas.gateway.TestingModels.ORDER;
import static dev.daas.gateway.TestingPolicies.authorization;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.gateway.TestingModels;
import dev.daas.gateway.TestingPolicies;
import dev.daas.model.DataModel;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The decision change-stream delivery reuses: may the caller see this row, and how. */
class VisibleRowTest {

  @Test
  void aRowInsideTheRowFilterIsVisibleAndOneOutsideIsNot() {
    Authorization clerk = authorization(Map.of("region", "EU"), "clerk");

    assertThat(clerk.visibleRow(ORDER, order("EU"))).hasValue(order("EU"));
    assertThat(clerk.visibleRow(ORDER, order("US"))).isEmpty();
  }

  @Test
  void hiddenFieldsAndKeysThatAreNotFieldsAreRemovedAndMaskedFieldsMasked() {
    Authorization clerk = authorization(Map.of("region", "EU"), "clerk");
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("C_ID", 1L);
    row.put("C_NM", "Ada Lovelace");
    row.put("C_BAL", new BigDecimal("987654.32"));
    row.put("__op", "u");

    Map<String, Object> visible = clerk.visibleRow(CUSTOMER, row).orElseThrow();

    assertThat(visible).containsOnlyKeys("C_ID", "C_NM").containsEntry("C_NM", "****ce");
  }

  @Test
  void subscribingNeedsTheSubscribeOperation() {
    Authorization auditor = authorization(Map.of(), "auditor");

    assertThat(auditor.visibleRow(ORDER, Operation.READ, order("EU"))).isPresent();
    assertThat(auditor.visibleRow(ORDER, order("EU"))).isEmpty();
    assertThat(auditor.visibleRow(LINE, Map.of("L_REG", "EU"))).isEmpty();
  }

  @Test
  void aCallerWithoutTheClaimSeesNoRowEvenWhereTheFieldIsNull() {
    Authorization noClaims = authorization(Map.of(), "clerk");
    Map<String, Object> nullRegion = order("EU");
    nullRegion.put("O_REG", null);

    assertThat(noClaims.visibleRow(ORDER, nullRegion)).isEmpty();
    assertThat(noClaims.visibleRow(ORDER, order("EU"))).isEmpty();
  }

  @Test
  void numbersOfOtherJavaTypesCompareByValue() {
    Authorization own = authorization(Map.of("customer", 42), "own");

    assertThat(own.visibleRow(CUSTOMER, Map.of("C_ID", 42))).isPresent();
    assertThat(own.visibleRow(CUSTOMER, Map.of("C_ID", new java.math.BigInteger("42"))))
        .isPresent();
    assertThat(own.visibleRow(CUSTOMER, Map.of("C_ID", 43L))).isEmpty();
    assertThat(own.visibleRow(CUSTOMER, Map.of("C_ID", "42"))).isEmpty();
  }

  @Test
  void fullAccessShowsEveryFieldOfEveryRow() {
    Authorization all = Authorization.unrestricted(TestingModels.legacy());

    assertThat(all.visibleRow(ORDER, order("US"))).hasValue(order("US"));
  }

  @Test
  void onMariaDbARowFilterExcludingAValueAlsoExcludesItsOtherCaseAsTheDatabaseWould() {
    DataModel legacy = TestingModels.legacy();
    DataModel onMariaDb =
        new DataModel(
            legacy.formatVersion(),
            legacy.source(),
            "MariaDB 10.11.6",
            legacy.entities(),
            legacy.relationships(),
            legacy.candidates());
    RolePolicy notNorth =
        new RolePolicy(
            "analyst",
            legacy.source(),
            List.of(
                new EntityGrant(
                    ORDER,
                    Set.of(Operation.SUBSCRIBE),
                    ColumnRule.ALL,
                    List.of(),
                    "O_REG <> 'north'")),
            null);
    Caller analyst = new Caller("a", Set.of("analyst"), Map.of());

    Authorization mariaDb =
        Policies.effective(List.of(notNorth), analyst, onMariaDb, TestingPolicies.MASK_KEY);
    Authorization postgres =
        Policies.effective(List.of(notNorth), analyst, legacy, TestingPolicies.MASK_KEY);

    assertThat(mariaDb.visibleRow(ORDER, order("NORTH"))).isEmpty();
    assertThat(mariaDb.visibleRow(ORDER, order("south"))).isPresent();
    assertThat(postgres.visibleRow(ORDER, order("NORTH"))).isPresent();
  }

  private static Map<String, Object> order(String region) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("O_REG", region);
    row.put("O_NO", 7L);
    row.put("O_TOT", new BigDecimal("9.90"));
    return row;
  }
}
