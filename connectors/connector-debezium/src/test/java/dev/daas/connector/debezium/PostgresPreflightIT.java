package dev.daas.connector.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Preflight against the local PostgreSQL, with a role this test creates and drops. */
class PostgresPreflightIT {
  private static final String SCHEMA = "daas_cdc_pg_preflight_it";
  private static final String ROLE = "daas_norepl_pg_it";

  @BeforeAll
  static void createRoleAndTable() throws Exception {
    TestingPostgres.execute(
        "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
        "DROP ROLE IF EXISTS " + ROLE,
        "CREATE ROLE " + ROLE + " LOGIN NOREPLICATION",
        "CREATE SCHEMA " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".items (id int PRIMARY KEY)",
        "GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + ROLE,
        "GRANT SELECT ON " + SCHEMA + ".items TO " + ROLE);
  }

  @AfterAll
  static void dropRoleAndTable() throws Exception {
    TestingPostgres.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE", "DROP ROLE " + ROLE);
  }

  @Test
  void aUserWithoutReplicationPrivilegeIsToldHowToGrantIt() {
    CaptureConfig config =
        CaptureConfig.fromJdbcUrl("pg-it-norepl", TestingPostgres.URL, ROLE, null)
            .tables(List.of(SCHEMA + ".items"))
            .build();

    List<PreflightProblem> problems = CapturePreflight.check(config);

    assertThat(problems)
        .extracting(PreflightProblem::code)
        .containsExactly("MISSING_REPLICATION_PRIVILEGE", "PUBLICATION_NEEDS_OWNER");
    assertThat(problems.get(0).message())
        .isEqualTo(
            "user '"
                + ROLE
                + "' may not open replication connections. Run ALTER ROLE \""
                + ROLE
                + "\" WITH REPLICATION as a superuser.");
    assertThat(problems.get(1).message()).contains("CREATE PUBLICATION daas_pg_it_norepl");
  }

  @Test
  void capturingEveryTableWithoutSuperuserAsksForAPublication() {
    CaptureConfig config =
        CaptureConfig.fromJdbcUrl("pg-it-all", TestingPostgres.URL, ROLE, null).build();

    assertThat(CapturePreflight.check(config))
        .extracting(PreflightProblem::code)
        .contains("PUBLICATION_NEEDS_SUPERUSER");
  }

  @Test
  void anEngineThatFailsPreflightShowsTheProblemInItsStatusAndCreatesNoSlot() throws Exception {
    CaptureConfig config =
        CaptureConfig.fromJdbcUrl("pg-it-norepl-engine", TestingPostgres.URL, ROLE, null)
            .tables(List.of(SCHEMA + ".items"))
            .build();
    CaptureEngine engine = new CaptureEngine(config, new InMemoryOffsetStore(), batch -> {});

    assertThat(engine.start()).isNotEmpty();

    assertThat(engine.status().state()).isEqualTo(CaptureState.FAILED);
    assertThat(engine.status().message()).contains("WITH REPLICATION");
    assertThat(
            TestingPostgres.strings(
                "SELECT slot_name FROM pg_replication_slots"
                    + " WHERE slot_name = 'daas_pg_it_norepl_engine'"))
        .isEmpty();
  }

  @Test
  void aSuperuserOnAPreparedServerPassesPreflight() {
    assertThat(CapturePreflight.check(TestingPostgres.config("pg-it-ok").build())).isEmpty();
  }

  @Test
  void anUnreachableDatabaseIsAProblemNotAnException() {
    CaptureConfig config =
        CaptureConfig.builder("pg-it-down", CaptureDialect.POSTGRES)
            .port(1)
            .database("test")
            .user("postgres")
            .build();

    assertThat(CapturePreflight.check(config))
        .extracting(PreflightProblem::code)
        .containsExactly("UNREACHABLE");
  }
}
