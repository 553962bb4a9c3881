package dev.daas.server.cdc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.daas.model.DataModel;
import dev.daas.server.TestingAuth;
import dev.daas.server.TestingSources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Change events as a subscriber's policy lets it see them. */
@QuarkusTest
class ChangeViewTest {
  private static final String ADA =
      "{\"entity\":\"t_cust\",\"operation\":\"update\",\"key\":{\"cust_id\":1},"
          + "\"before\":{\"cust_id\":1,\"c_nm\":\"Ada\",\"c_stat\":\"A\",\"c_bal\":99.5},"
          + "\"after\":{\"cust_id\":1,\"c_nm\":\"Ada\",\"c_stat\":\"A\",\"c_bal\":12.25},"
          + "\"sequence\":7}";
  private static final String BOB =
      "{\"entity\":\"t_cust\",\"operation\":\"create\",\"key\":{\"cust_id\":2},\"before\":null,"
          + "\"after\":{\"cust_id\":2,\"c_nm\":\"Bob\",\"c_stat\":\"I\",\"c_bal\":0.5},"
          + "\"sequence\":8}";

  @Inject EntityNames names;
  @Inject ObjectMapper json;

  @BeforeEach
  void registerSource() {
    TestingAuth.asAdmin();
    int status =
        given()
            .contentType(ContentType.JSON)
            .body(TestingSources.body("views", TestingSources.h2("change_view", ""), "sa", ""))
            .post("/admin/v1/sources")
            .statusCode();
    assertThat(status).isIn(201, 409);
  }

  private ChangeView view(Set<String> roles) {
    DataModel model = names.model("views").orElseThrow();
    RolePolicy reader =
        new RolePolicy(
            "reader",
            "views",
            List.of(
                new EntityGrant(
                    "t_cust",
                    Set.of(Operation.SUBSCRIBE),
                    ColumnRule.deny("c_bal"),
                    List.of(ColumnMask.hashed("c_nm")),
                    "c_stat = 'A'")),
            RoleLimits.NONE);
    Authorization authorization =
        roles.contains("admin")
            ? Authorization.unrestricted(model)
            : Policies.effective(
                List.of(reader),
                new Caller("s", roles, Map.of()),
                model,
                MaskKey.of("a test key for hash masks, 32 b.".getBytes(StandardCharsets.UTF_8)));
    return new ChangeView(authorization, json);
  }

  @Test
  void shapesImagesOfVisibleRowsAndDropsOthers() {
    ChangeView reader = view(Set.of("reader"));
    ChangeRecord shown = reader.apply(new ChangeRecord(7, "t_cust", ADA));
    assertThat(shown).isNotNull();
    assertThat(shown.sequence()).isEqualTo(7);
    assertThat(shown.data())
        .doesNotContain("Ada")
        .doesNotContain("c_bal")
        .doesNotContain("99.5")
        .doesNotContain("12.25")
        .contains("\"key\":{\"cust_id\":1}")
        .contains("\"c_stat\":\"A\"");
    assertThat(reader.apply(new ChangeRecord(8, "t_cust", BOB))).isNull();
    assertThat(reader.apply(new ChangeRecord(9, "t_ord", ADA.replace("t_cust", "t_ord")))).isNull();
    assertThat(reader.apply(new ChangeRecord(10, "t_cust", "not json"))).isNull();
  }

  @Test
  void leavesChangesWholeForTheAdmin() throws Exception {
    ChangeRecord shown = view(Set.of("admin")).apply(new ChangeRecord(8, "t_cust", BOB));
    assertThat(json.readTree(shown.data())).isEqualTo(json.readTree(BOB));
  }

  @Test
  void passesCoarseChangesOnlyToCallersWhoseAccessHasNoRowCondition() {
    String coarse =
        "{\"entity\":\"t_cust\",\"operation\":\"update\",\"key\":null,\"before\":null,"
            + "\"after\":null,\"sourceTimestamp\":null,\"transactionId\":null,\"sequence\":11,"
            + "\"coarse\":true,\"channel\":\"probe\",\"count\":12}";
    ChangeRecord record = new ChangeRecord(11, "t_cust", coarse);

    assertThat(view(Set.of("reader")).apply(record))
        .as("a row-filtered reader cannot be told which rows were written")
        .isNull();
    assertThat(view(Set.of("admin")).apply(record)).isEqualTo(record);
    assertThat(view(Set.of("nobody")).apply(record)).isNull();
  }
}
