package dev.daas.gateway.policy;

import static dev.daas.gateway.TestingModels.CUSTOMER;
import static dev.daas.gateway.TestingModels.ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.daas.gateway.TestingModels;
import dev.daas.gateway.TestingPolicies;
import dev.daas.model.DataModel;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyValidatorTest {
  private static final DataModel MODEL = TestingModels.legacy();

  @Test
  void theTestingPoliciesOfTheLegacySourceAreValid() {
    for (RolePolicy policy : TestingPolicies.all()) {
      if (policy.source().equals("legacy")) {
        assertThat(PolicyValidator.violations(policy, MODEL)).as(policy.role()).isEmpty();
      }
    }
  }

  @Test
  void reportsEveryViolationAtOnce() {
    RolePolicy policy =
        new RolePolicy(
            "clerk",
            "legacy",
            List.of(
                new EntityGrant("T_NOPE", Set.of(Operation.READ), null, null, null),
                new EntityGrant(
                    CUSTOMER,
                    Set.of(),
                    ColumnRule.deny("C_XX", "C_BAL"),
                    List.of(ColumnMask.nulled("C_YY"), ColumnMask.hashed("C_BAL")),
                    "C_ZZ = $claims.sub AND C_ID = 'abc' OR C_NM LIKE $claims.name"),
                new EntityGrant(ORDER, Set.of(Operation.READ), null, null, "O_REG = $region"),
                new EntityGrant(ORDER, Set.of(Operation.READ), null, null, "O_REG = ")),
            null);

    DaasException error =
        catchThrowableOfType(() -> PolicyValidator.validate(policy, MODEL), DaasException.class);

    assertThat(error.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    @SuppressWarnings("unchecked")
    List<String> violations = (List<String>) error.details().get("violations");
    assertThat(violations)
        .hasSize(11)
        .anySatisfy(v -> assertThat(v).contains("'T_NOPE' is not in the model"))
        .anySatisfy(v -> assertThat(v).contains("allows no operation"))
        .anySatisfy(v -> assertThat(v).contains("unknown field 'C_XX'"))
        .anySatisfy(v -> assertThat(v).contains("unknown field 'C_YY'"))
        .anySatisfy(v -> assertThat(v).contains("'C_BAL' is masked but hidden"))
        .anySatisfy(v -> assertThat(v).contains("has no field 'C_ZZ'"))
        .anySatisfy(v -> assertThat(v).contains("does not fit field 'C_ID'"))
        .anySatisfy(v -> assertThat(v).contains("a claim cannot be a LIKE pattern"))
        .anySatisfy(v -> assertThat(v).contains("claim is written $claims.name"))
        .anySatisfy(v -> assertThat(v).contains("granted more than once"))
        .anySatisfy(v -> assertThat(v).contains("malformed filter at position 8"));
    assertThat(error)
        .hasMessageStartingWith(
            "the policy of role 'clerk' on source 'legacy' has 11 problems: 1) ");
  }

  @Test
  void aPolicyForAnotherSourceIsRefused() {
    RolePolicy policy = new RolePolicy("clerk", "other", List.of(), null);

    assertThat(PolicyValidator.violations(policy, MODEL))
        .containsExactly("the policy is for source 'other' but the model is of source 'legacy'");
  }

  @Test
  void aClaimComparedWithAFieldThatCannotBeComparedIsRefused() {
    RolePolicy policy =
        new RolePolicy(
            "r",
            "legacy",
            List.of(
                new EntityGrant(
                    CUSTOMER, Set.of(Operation.READ), null, null, "C_META = $claims.meta")),
            null);

    assertThat(PolicyValidator.violations(policy, MODEL))
        .singleElement()
        .asString()
        .contains("compares field 'C_META' of type JSON with a claim");
  }
}
