package dev.daas.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.DataType;
import org.junit.jupiter.api.Test;

class TypeMappingTest {
  @Test
  void mapsPostgresTypesIncludingEnumsAndArrays() {
    assertThat(PostgresTypes.map("citext", "b", "S")).isEqualTo(DataType.STRING);
    assertThat(PostgresTypes.map("int8", "b", "N")).isEqualTo(DataType.INTEGER);
    assertThat(PostgresTypes.map("timestamptz", "b", "D")).isEqualTo(DataType.TIMESTAMP_TZ);
    assertThat(PostgresTypes.map("mood", "e", "E")).isEqualTo(DataType.ENUM);
    assertThat(PostgresTypes.map("_int4", "b", "A")).isEqualTo(DataType.OTHER);
    assertThat(PostgresTypes.map("point", "b", "G")).isEqualTo(DataType.OTHER);
  }

  @Test
  void decodesPostgresTypmodsForLengthsPrecisionAndScale() {
    assertThat(PostgresTypes.maxLength("varchar", 64)).isEqualTo(60);
    assertThat(PostgresTypes.maxLength("varchar", -1)).isNull();
    assertThat(PostgresTypes.precision("numeric", ((30 << 16) | 10) + 4)).isEqualTo(30);
    assertThat(PostgresTypes.scale("numeric", ((30 << 16) | 10) + 4)).isEqualTo(10);
    assertThat(PostgresTypes.precision("numeric", -1)).isNull();
  }

  @Test
  void mapsMariaDbTypesWithTinyintOneAsBooleanAndCheckedLongtextAsJson() {
    assertThat(MariaDbTypes.map("tinyint", "tinyint(1)", false)).isEqualTo(DataType.BOOLEAN);
    assertThat(MariaDbTypes.map("tinyint", "tinyint(4)", false)).isEqualTo(DataType.INTEGER);
    assertThat(MariaDbTypes.map("bigint", "bigint(20) unsigned", false))
        .isEqualTo(DataType.INTEGER);
    assertThat(MariaDbTypes.map("longtext", "longtext", true)).isEqualTo(DataType.JSON);
    assertThat(MariaDbTypes.map("longtext", "longtext", false)).isEqualTo(DataType.STRING);
    assertThat(MariaDbTypes.map("json", "json", false)).isEqualTo(DataType.JSON);
    assertThat(MariaDbTypes.map("datetime", "datetime(6)", false)).isEqualTo(DataType.TIMESTAMP);
    assertThat(MariaDbTypes.map("uuid", "uuid", false)).isEqualTo(DataType.UUID);
    assertThat(MariaDbTypes.map("geometry", "geometry", false)).isEqualTo(DataType.OTHER);
  }

  @Test
  void parsesMariaDbEnumLabelsWithQuotesAndCommas() {
    assertThat(MariaDbTypes.enumLabels("enum('A','B''s','c,d')"))
        .containsExactly("A", "B's", "c,d");
  }

  @Test
  void doesNotTakeMySqlDefaultGeneratedForAGeneratedColumn() {
    assertThat(MariaDbTypes.isGenerated("DEFAULT_GENERATED")).isFalse();
    assertThat(MariaDbTypes.isGenerated("auto_increment")).isTrue();
    assertThat(MariaDbTypes.isGenerated("STORED GENERATED")).isTrue();
  }

  @Test
  void mapsH2Types() {
    assertThat(H2Types.map("CHARACTER VARYING")).isEqualTo(DataType.STRING);
    assertThat(H2Types.map("TIMESTAMP WITH TIME ZONE")).isEqualTo(DataType.TIMESTAMP_TZ);
    assertThat(H2Types.map("ARRAY")).isEqualTo(DataType.OTHER);
  }

  @Test
  void readsIntegersAsLongUntilTheyExceedTheLongRange() {
    assertThat(ValueReader.integer(7)).isEqualTo(7L);
    assertThat(ValueReader.integer(new java.math.BigInteger("9223372036854775807")))
        .isEqualTo(Long.MAX_VALUE);
    assertThat(ValueReader.integer(new java.math.BigInteger("18446744073709551615")))
        .isEqualTo(new java.math.BigInteger("18446744073709551615"));
    assertThat(ValueReader.floating(0.1f)).isEqualTo(0.1);
  }
}
