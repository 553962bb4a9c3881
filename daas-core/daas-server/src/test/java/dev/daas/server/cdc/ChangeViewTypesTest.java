package dev.daas.server.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.DataType;
import dev.daas.model.Entity;
import dev.daas.model.EntityKind;
import dev.daas.server.http.JsonSetup;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Row filters and masks on change events of every portable type. Events are written as {@link
 * ChangeLog} writes them: the values Debezium's normaliser gives (BigDecimal, OffsetDateTime at
 * UTC, LocalDateTime, LocalDate, LocalTime, UUIDs and json as text, bytes, MariaDB booleans as
 * numbers) serialised by the server's Jackson setup.
 */
class ChangeViewTypesTest {
  static final ObjectMapper JSON = serverMapper();
  static final MaskKey KEY =
      MaskKey.of("a test key for hash masks, 32 b.".getBytes(StandardCharsets.UTF_8));
  static final String UUID_A = "8f14e45f-ceea-467f-a0e6-1b0a0e1b7c11";

  static final Entity PAYMENT =
      new Entity(
          "payment",
          "public",
          "payment",
          EntityKind.TABLE,
          null,
          List.of(
              attribute("id", "id", DataType.UUID),
              attribute("amount", "AMT", DataType.DECIMAL),
              attribute("created_at", "created_at", DataType.TIMESTAMP_TZ),
              attribute("booked", "booked", DataType.TIMESTAMP),
              attribute("due", "due", DataType.DATE),
              attribute("at", "at", DataType.TIME),
              attribute("active", "active", DataType.BOOLEAN),
              attribute("code", "code", DataType.STRING),
              attribute("rate", "rate", DataType.FLOAT),
              attribute("n", "n", DataType.INTEGER),
              attribute("region", "region", DataType.STRING),
              attribute("doc", "doc", DataType.JSON),
              attribute("pic", "pic", DataType.BINARY)),
          null,
          null,
          null,
          null,
          null);
  static final DataModel MODEL =
      new DataModel(1, "pay", "PostgreSQL", List.of(PAYMENT), List.of(), null);

  @Test
  void decimalsAreComparedWithEveryDigit() throws Exception {
    ChangeView over = view("amount > 100");
    ChangeView upTo = view("amount <= 100");
    Map<String, Object> justOver = row(new BigDecimal("100.000000000000000001"));

    assertThat(over.apply(event(justOver))).isNotNull();
    assertThat(upTo.apply(event(justOver))).isNull();
    assertThat(upTo.apply(event(row(new BigDecimal("100.00"))))).isNotNull();
    assertThat(over.apply(event(row(new BigDecimal("99.99"))))).isNull();
  }

  @Test
  void timestampsWithOffsetCompareAsInstants() throws Exception {
    ChangeView since = view("created_at >= '2026-01-01T00:00:00Z'");
    ChangeView before = view("NOT (created_at >= '2026-01-01T01:00:00+01:00')");
    Map<String, Object> newYear = row(BigDecimal.ONE);
    newYear.put("created_at", OffsetDateTime.parse("2026-01-01T00:00:00Z"));
    Map<String, Object> eve = row(BigDecimal.ONE);
    eve.put("created_at", OffsetDateTime.parse("2025-12-31T23:59:59.999999Z"));

    assertThat(since.apply(event(newYear))).isNotNull();
    assertThat(since.apply(event(eve))).isNull();
    assertThat(before.apply(event(eve))).isNotNull();
    assertThat(before.apply(event(newYear))).isNull();
  }

  @Test
  void localTimestampsDatesAndTimesCompareAsTheirTypes() throws Exception {
    Map<String, Object> row = row(BigDecimal.ONE);

    assertThat(view("booked >= '2026-01-01T10:00:00'").apply(event(row))).isNotNull();
    assertThat(view("booked > '2026-01-01T10:00:00.5'").apply(event(row))).isNull();
    assertThat(view("due = '2026-02-01'").apply(event(row))).isNotNull();
    assertThat(view("due < '2026-02-01'").apply(event(row))).isNull();
    assertThat(view("at > '09:30'").apply(event(row))).isNotNull();
    assertThat(view("at > '10:15:31'").apply(event(row))).isNull();
  }

  @Test
  void uuidsBooleansTextsFloatsAndIntegersMatchTheirLiterals() throws Exception {
    Map<String, Object> row = row(BigDecimal.ONE);
    Map<String, Object> mariaDbFalse = row(BigDecimal.ONE);
    mariaDbFalse.put("active", (short) 0);

    assertThat(view("id = '" + UUID_A + "'").apply(event(row))).isNotNull();
    assertThat(view("id <> '" + UUID_A + "'").apply(event(row))).isNull();
    assertThat(view("active = true").apply(event(row))).isNotNull();
    assertThat(view("active = true").apply(event(mariaDbFalse))).isNull();
    assertThat(view("active = false").apply(event(mariaDbFalse))).isNotNull();
    assertThat(view("code IN ('A','B')").apply(event(row))).isNotNull();
    assertThat(view("code NOT IN ('A','B')").apply(event(row))).isNull();
    assertThat(view("rate = 0.1").apply(event(row))).isNotNull();
    assertThat(view("n = 9223372036854775807").apply(event(row))).isNotNull();
  }

  @Test
  void claimsAndNullsFollowTheDataApi() throws Exception {
    ChangeView eu = view("region = $claims.region", Map.of("region", "EU"));
    Map<String, Object> us = row(BigDecimal.ONE);
    us.put("region", "US");
    Map<String, Object> noAmount = row(null);

    assertThat(eu.apply(event(row(BigDecimal.ONE)))).isNotNull();
    assertThat(eu.apply(event(us))).isNull();
    assertThat(view("amount > 100").apply(event(noAmount))).isNull();
    assertThat(view("NOT (amount > 100)").apply(event(noAmount))).isNull();
    assertThat(view("amount IS NULL").apply(event(noAmount))).isNotNull();
  }

  @Test
  void aValueThatDoesNotDecodeDropsTheEventForPolicyHoldersOnly() throws Exception {
    String data =
        JSON.writeValueAsString(
                Map.of("entity", "payment", "operation", "create", "after", row(BigDecimal.ONE)))
            .replace("2026-01-01T00:00:00Z", "yesterday");
    ChangeRecord garbled = new ChangeRecord(3, "payment", data);

    assertThat(view("amount > 0").apply(garbled)).isNull();
    assertThat(view("code = 'A'").apply(garbled)).isNull();
    assertThat(new ChangeView(Authorization.unrestricted(MODEL), JSON).apply(garbled))
        .isSameAs(garbled);
  }

  @Test
  void masksOfEventsEqualMasksOfTheDataApiAndValuesAreWrittenAsItWritesThem() throws Exception {
    List<ColumnMask> masks =
        List.of(
            ColumnMask.hashed("booked"),
            ColumnMask.partial("amount", 2),
            ColumnMask.hashed("created_at"),
            ColumnMask.hashed("pic"),
            ColumnMask.partial("due", 2));
    Authorization reader = authorization(null, Map.of(), masks);
    Map<String, Object> typed = new LinkedHashMap<>(row(new BigDecimal("1234.50")));
    typed.put("amount", new BigDecimal("1234.50"));
    typed.remove("AMT");
    typed.put("id", java.util.UUID.fromString(UUID_A));
    typed.put("doc", new dev.daas.model.query.RawJson("{\"a\": [1, 2]}"));
    Map<String, Object> dataApi = reader.visibleRow("payment", Operation.READ, typed).orElseThrow();

    JsonNode after =
        JSON.readTree(
                new ChangeView(reader, JSON).apply(event(row(new BigDecimal("1234.50")))).data())
            .get("after");

    assertThat(after.get("booked").asText()).isEqualTo(dataApi.get("booked")).hasSize(16);
    assertThat(after.get("amount").asText()).isEqualTo(dataApi.get("amount")).isEqualTo("****50");
    assertThat(after.get("created_at").asText()).isEqualTo(dataApi.get("created_at"));
    assertThat(after.get("pic").asText()).isEqualTo(dataApi.get("pic"));
    assertThat(after.get("due").asText()).isEqualTo(dataApi.get("due"));
    assertThat(after.get("doc").toString()).isEqualTo("{\"a\":[1,2]}");
    assertThat(after.get("id").asText()).isEqualTo(UUID_A);
    assertThat(after.get("at").asText()).isEqualTo("10:15:30");
  }

  /** A row as Debezium's normaliser gives it; the decimal under its column name AMT. */
  static Map<String, Object> row(BigDecimal amount) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", UUID_A);
    row.put("AMT", amount);
    row.put("created_at", OffsetDateTime.parse("2026-01-01T00:00:00Z"));
    row.put("booked", LocalDateTime.parse("2026-01-01T10:00:00"));
    row.put("due", LocalDate.parse("2026-02-01"));
    row.put("at", LocalTime.parse("10:15:30"));
    row.put("active", true);
    row.put("code", "A");
    row.put("rate", 0.1f);
    row.put("n", Long.MAX_VALUE);
    row.put("region", "EU");
    row.put("doc", "{\"a\": [1, 2]}");
    row.put("pic", new byte[] {(byte) 0xca, (byte) 0xfe});
    return row;
  }

  static ChangeRecord event(Map<String, Object> after) throws Exception {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("entity", "payment");
    event.put("operation", "create");
    event.put("key", Map.of("id", UUID_A));
    event.put("before", null);
    event.put("after", after);
    event.put("sequence", 1);
    return new ChangeRecord(1, "payment", JSON.writeValueAsString(event));
  }

  static ChangeView view(String rowFilter) {
    return view(rowFilter, Map.of());
  }

  static ChangeView view(String rowFilter, Map<String, Object> claims) {
    return new ChangeView(authorization(rowFilter, claims, List.of()), JSON);
  }

  static Authorization authorization(
      String rowFilter, Map<String, Object> claims, List<ColumnMask> masks) {
    RolePolicy reader =
        new RolePolicy(
            "reader",
            "pay",
            List.of(
                new EntityGrant(
                    "payment",
                    Set.of(Operation.READ, Operation.SUBSCRIBE),
                    ColumnRule.ALL,
                    masks,
                    rowFilter)),
            RoleLimits.NONE);
    return Policies.effective(
        List.of(reader), new Caller("s", Set.of("reader"), claims), MODEL, KEY);
  }

  /** The server's mapper: Quarkus's defaults (ISO dates) and {@link JsonSetup}. */
  static ObjectMapper serverMapper() {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    new JsonSetup().customize(mapper);
    return mapper;
  }

  static Attribute attribute(String name, String column, DataType type) {
    return new Attribute(
        name,
        column,
        type,
        type.name().toLowerCase(),
        true,
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
}
