package dev.daas.gateway;

import static dev.daas.gateway.TestingModels.CUSTOMER;
import static dev.daas.gateway.TestingModels.LINE;
import static dev.daas.gateway.TestingModels.ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.gateway.policy.Authorization;
import dev.daas.gateway.policy.Caller;
import dev.daas.gateway.policy.ColumnMask;
import dev.daas.gateway.policy.ColumnRule;
import dev.daas.gateway.policy.EntityGrant;
import dev.daas.gateway.policy.MaskKey;
import dev.daas.gateway.policy.Operation;
import dev.daas.gateway.policy.Policies;
import dev.daas.gateway.policy.RoleLimits;
import dev.daas.gateway.policy.RolePolicy;
import dev.daas.model.error.DaasException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Policies over {@link TestingModels#legacy()}. A clerk reads customers without their balance and
 * picture, with the UUID hashed and the name partly masked, and reads and subscribes to the orders
 * of the region in its claims; order lines are granted to nobody but the auditor. A "key-hidden"
 * role reads customers without their key; "own" reads only the customer in its {@code customer}
 * claim, unmasked.
 */
public final class TestingPolicies {
  /** Values that must never appear in an error: a policy constant and a claim. */
  public static final String SECRET_REGION = "NORTH-7731";

  /** The installation's key for hash masks in these tests. */
  public static final MaskKey MASK_KEY =
      MaskKey.of("test mask key, 32 bytes long.....".getBytes(StandardCharsets.UTF_8));

  private TestingPolicies() {}

  public static List<RolePolicy> all() {
    return List.of(
        new RolePolicy(
            "clerk",
            "legacy",
            List.of(
                new EntityGrant(
                    CUSTOMER,
                    Set.of(Operation.READ, Operation.SUBSCRIBE),
                    ColumnRule.deny("C_BAL", "C_PIC"),
                    List.of(ColumnMask.hashed("C_UID"), ColumnMask.partial("C_NM", 2)),
                    null),
                new EntityGrant(
                    ORDER,
                    Set.of(Operation.READ, Operation.SUBSCRIBE),
                    ColumnRule.ALL,
                    List.of(),
                    "O_REG = $claims.region")),
            new RoleLimits(100, 1, Duration.ofSeconds(5))),
        new RolePolicy(
            "auditor",
            "legacy",
            List.of(
                EntityGrant.readAll(CUSTOMER),
                EntityGrant.readAll(ORDER),
                new EntityGrant(
                    LINE,
                    Set.of(Operation.READ),
                    ColumnRule.ALL,
                    List.of(),
                    "L_REG != '" + SECRET_REGION + "'")),
            null),
        new RolePolicy(
            "key-hidden",
            "legacy",
            List.of(
                new EntityGrant(
                    CUSTOMER, Set.of(Operation.READ), ColumnRule.allow("C_NM"), List.of(), null),
                new EntityGrant(
                    ORDER, Set.of(Operation.READ), ColumnRule.deny("O_CUST"), List.of(), null)),
            null),
        new RolePolicy(
            "own",
            "legacy",
            List.of(
                new EntityGrant(
                    CUSTOMER,
                    Set.of(Operation.READ, Operation.SUBSCRIBE),
                    ColumnRule.deny("C_PIC"),
                    List.of(),
                    "C_ID = $claims.customer")),
            null),
        new RolePolicy("clerk", "elsewhere", List.of(EntityGrant.readAll(LINE)), null));
  }

  public static Caller caller(Map<String, Object> claims, String... roles) {
    return new Caller("user-1", Set.of(roles), claims);
  }

  public static Authorization authorization(Map<String, Object> claims, String... roles) {
    return Policies.effective(all(), caller(claims, roles), TestingModels.legacy(), MASK_KEY);
  }

  /** The clerk of the region in {@link #SECRET_REGION}. */
  public static Authorization clerk() {
    return authorization(Map.of("region", SECRET_REGION), "clerk");
  }

  /** Asserts that neither message nor details of an error hold any of the values. */
  public static void assertLeaksNothing(Throwable error, String... values) {
    assertThat(error).isInstanceOf(DaasException.class);
    String text = error.getMessage() + " " + ((DaasException) error).details();
    for (String value : values) {
      assertThat(text).doesNotContain(value);
    }
  }
}
