package dev.daas.connector.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.data.Envelope;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class ChangeEventNormaliserTest {
  private static final Schema KEY =
      SchemaBuilder.struct().name("t.Key").field("id", Schema.INT32_SCHEMA).build();
  private static final Schema ROW =
      SchemaBuilder.struct()
          .name("t.Value")
          .optional()
          .field("id", Schema.INT32_SCHEMA)
          .field("price", Decimal.builder(2).optional().build())
          .field("made", Date.builder().optional().build())
          .field("seen", Timestamp.builder().optional().build())
          .field("at", SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").optional())
          .field("blob", Schema.OPTIONAL_BYTES_SCHEMA)
          .build();
  private static final Schema SOURCE =
      SchemaBuilder.struct()
          .name("io.debezium.connector.postgresql.Source")
          .field("ts_ms", Schema.INT64_SCHEMA)
          .field("db", Schema.STRING_SCHEMA)
          .field("schema", Schema.OPTIONAL_STRING_SCHEMA)
          .field("table", Schema.OPTIONAL_STRING_SCHEMA)
          .field("txId", Schema.OPTIONAL_INT64_SCHEMA)
          .field("gtid", Schema.OPTIONAL_STRING_SCHEMA)
          .build();
  private static final Envelope ENVELOPE =
      Envelope.defineSchema().withName("t.Envelope").withRecord(ROW).withSource(SOURCE).build();

  private final AtomicLong sequence = new AtomicLong(41);
  private final ChangeEventNormaliser normaliser = new ChangeEventNormaliser("erp", sequence);

  @Test
  void anUpdateBecomesAnEventWithPlainJavaValues() {
    Struct value = ENVELOPE.update(row(1, "1.50"), row(1, "2.75"), source(), Instant.now());

    ChangeEvent event = normaliser.normalise(record(value, Map.of("lsn", 99L, "ts_usec", 5L)));

    assertThat(event.source()).isEqualTo("erp");
    assertThat(event.qualifiedTable()).isEqualTo("public.items");
    assertThat(event.operation()).isEqualTo(ChangeOperation.UPDATE);
    assertThat(event.key()).isEqualTo(Map.of("id", 1));
    assertThat(event.before()).containsEntry("price", new BigDecimal("1.50"));
    assertThat(event.after())
        .containsEntry("price", new BigDecimal("2.75"))
        .containsEntry("made", LocalDate.of(2024, 2, 29))
        .containsEntry("seen", LocalDateTime.of(2024, 2, 29, 13, 45, 10))
        .containsEntry("at", OffsetDateTime.parse("2024-02-29T13:45:10+01:00"));
    assertThat((byte[]) event.after().get("blob")).containsExactly(1, 2, 3);
    assertThat(event.after().keySet()).containsExactly("id", "price", "made", "seen", "at", "blob");
    assertThat(event.sourceTimestamp()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    assertThat(event.transactionId()).isEqualTo("777");
    assertThat(event.position()).isEqualTo("lsn=99");
    assertThat(event.sequence()).isEqualTo(42);
    assertThat(sequence.get()).isEqualTo(42);
  }

  @Test
  void insertsDeletesSnapshotReadsAndTruncatesKeepTheirImages() {
    assertThat(normalise(ENVELOPE.create(row(1, "1"), source(), Instant.now())))
        .satisfies(e -> assertThat(e.operation()).isEqualTo(ChangeOperation.CREATE))
        .satisfies(e -> assertThat(e.before()).isNull());
    assertThat(normalise(ENVELOPE.delete(row(1, "1"), source(), Instant.now())))
        .satisfies(e -> assertThat(e.operation()).isEqualTo(ChangeOperation.DELETE))
        .satisfies(e -> assertThat(e.after()).isNull())
        .satisfies(e -> assertThat(e.before()).containsEntry("id", 1));
    assertThat(normalise(ENVELOPE.read(row(1, "1"), source(), Instant.now())).operation())
        .isEqualTo(ChangeOperation.READ);
    ChangeEvent truncate =
        normaliser.normalise(
            new SourceRecord(
                Map.of(),
                Map.of(),
                "t",
                null,
                null,
                ENVELOPE.schema(),
                ENVELOPE.truncate(source(), Instant.now())));
    assertThat(truncate.operation()).isEqualTo(ChangeOperation.TRUNCATE);
    assertThat(truncate.key()).isEmpty();
    assertThat(truncate.before()).isNull();
    assertThat(truncate.after()).isNull();
  }

  @Test
  void recordsThatAreNotRowChangesAreSkippedWithoutUsingASequenceNumber() {
    Schema heartbeat =
        SchemaBuilder.struct()
            .name("io.debezium.connector.common.Heartbeat")
            .field("ts_ms", Schema.INT64_SCHEMA)
            .build();
    SourceRecord record =
        new SourceRecord(
            Map.of(),
            Map.of(),
            "hb",
            null,
            null,
            heartbeat,
            new Struct(heartbeat).put("ts_ms", 1L));

    assertThat(normaliser.normalise(record)).isNull();
    assertThat(sequence.get()).isEqualTo(41);
  }

  @Test
  void binlogSourcesUseTheDatabaseAsSchemaAndTheGtidAsTransaction() {
    Struct source = source();
    source.put("schema", null);
    source.put("txId", null);
    source.put("gtid", "0-1-17");

    ChangeEvent event = normalise(ENVELOPE.create(row(1, "1"), source, Instant.now()));

    assertThat(event.schema()).isEqualTo("shop");
    assertThat(event.transactionId()).isEqualTo("0-1-17");
  }

  @Test
  void thePositionListsOffsetEntriesInKeyOrderWithoutTimestamps() {
    assertThat(
            ChangeEventNormaliser.position(
                Map.of("pos", 1234L, "file", "mysql-bin.000003", "row", 0, "ts_sec", 9)))
        .isEqualTo("file=mysql-bin.000003;pos=1234;row=0");
  }

  private ChangeEvent normalise(Struct value) {
    return normaliser.normalise(record(value, Map.of("lsn", 1L)));
  }

  private static SourceRecord record(Struct value, Map<String, ?> offset) {
    return new SourceRecord(
        Map.of("server", "erp"),
        offset,
        "t",
        KEY,
        new Struct(KEY).put("id", 1),
        ENVELOPE.schema(),
        value);
  }

  private static Struct row(int id, String price) {
    return new Struct(ROW)
        .put("id", id)
        .put("price", new BigDecimal(price).setScale(2))
        .put("made", new java.util.Date(LocalDate.of(2024, 2, 29).toEpochDay() * 86_400_000L))
        .put("seen", java.util.Date.from(Instant.parse("2024-02-29T13:45:10Z")))
        .put("at", "2024-02-29T13:45:10+01:00")
        .put("blob", ByteBuffer.wrap(new byte[] {1, 2, 3}));
  }

  private static Struct source() {
    return new Struct(SOURCE)
        .put("ts_ms", 1_700_000_000_000L)
        .put("db", "shop")
        .put("schema", "public")
        .put("table", "items")
        .put("txId", 777L);
  }
}
