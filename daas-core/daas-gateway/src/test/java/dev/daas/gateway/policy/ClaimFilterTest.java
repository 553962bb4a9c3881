package dev.daas.gateway.policy;

import static dev.daas.gateway.TestingModels.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.daas.gateway.TestingModels;
import dev.daas.gateway.parse.FilterExpr;
import dev.daas.model.Entity;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimFilterTest {
  private static final Entity CUSTOMERS = TestingModels.legacy().entity(CUSTOMER).orElseThrow();

  @Test
  void aClaimInsideAQuotedStringIsPlainText() {
    ClaimFilter filter = ClaimFilter.parse("C_NM = '$claims.sub' AND C_ID = $claims.id");

    assertThat(filter.claims).containsExactly("id");
    FilterExpr bound = filter.bind(CUSTOMERS, Map.of("id", 5)).orElseThrow();
    assertThat(bound.canonical()).isEqualTo("(C_NM = '$claims.sub' AND C_ID = 5)");
  }

  @Test
  void parseErrorsPointAtThePositionInThePolicyText() {
    DaasException error =
        catchThrowableOfType(
            () -> ClaimFilter.parse("C_ID = $claims.id AND AND"), DaasException.class);

    assertThat(error.code()).isEqualTo(ErrorCode.MALFORMED_FILTER);
    assertThat(error.details()).containsEntry("position", 22);
  }

  @Test
  void policyTextWithNulIsRefusedSoNoConstantPassesForAClaim() {
    DaasException error =
        catchThrowableOfType(() -> ClaimFilter.parse("C_NM = '\0000'"), DaasException.class);

    assertThat(error).hasMessageContaining("NUL");
  }

  @Test
  void aClaimBindsToTheKindOfLiteralItsFieldNeeds() {
    ClaimFilter filter =
        ClaimFilter.parse("C_ID IN ($claims.a, 2) AND C_ACT = $claims.b AND C_NM = $claims.c");

    FilterExpr bound = filter.bind(CUSTOMERS, Map.of("a", "7", "b", "true", "c", 12)).orElseThrow();

    assertThat(bound.canonical()).isEqualTo("(C_ID IN (7, 2) AND C_ACT = true AND C_NM = '12')");
    assertThat(filter.bind(CUSTOMERS, Map.of("a", true, "b", "true", "c", "x"))).isEmpty();
    assertThat(filter.bind(CUSTOMERS, Map.of("a", 1, "b", "yes", "c", "x"))).isEmpty();
  }

  @Test
  void aClaimAsALikePatternNeverBinds() {
    ClaimFilter filter = ClaimFilter.parse("C_NM LIKE $claims.name");

    assertThat(filter.bind(CUSTOMERS, Map.of("name", "%"))).isEmpty();
  }
}
