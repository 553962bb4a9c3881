package dev.daas.it;

import java.util.Map;

/**
 * The data API conformance suite over MariaDB (fixtures/mariadb-legacy.sql): TIMESTAMP has no
 * offset there.
 */
class MariaDbLegacyDataApiIT extends LegacyDataApiConformance {

  @Override
  public LegacyDatabase database() {
    return LegacyDatabase.mariaDb();
  }

  @Override
  protected boolean servesTimestampsWithOffset() {
    return false;
  }

  @Override
  protected Map<String, String> customerTypes() {
    return Map.ofEntries(
        Map.entry("cust_id", "integer"),
        Map.entry("c_code", "string"),
        Map.entry("c_nm", "string"),
        Map.entry("c_stat", "string"),
        Map.entry("c_typ", "enum"),
        Map.entry("cred_lim", "decimal"),
        Map.entry("rating", "float"),
        Map.entry("actv", "boolean"),
        Map.entry("birth_dt", "date"),
        Map.entry("open_tm", "time"),
        Map.entry("crt_ts", "timestamp"),
        Map.entry("upd_tsz", "timestamp"),
        Map.entry("photo", "binary"),
        Map.entry("prefs", "json"),
        Map.entry("ext_ref", "uuid"),
        Map.entry("small_n", "integer"),
        Map.entry("big_n", "integer"),
        Map.entry("notes", "string"),
        Map.entry("raw_doc", "json"),
        Map.entry("attach", "binary"));
  }
}
