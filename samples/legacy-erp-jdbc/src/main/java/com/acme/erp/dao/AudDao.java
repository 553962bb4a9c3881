package com.acme.erp.dao;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Audit trail. Written with string-built SQL, exactly as the original code did. */
public final class AudDao {
  private AudDao() {}

  public static void log(Connection c, char act, String tbl, String key, String msg)
      throws SQLException {
    String sql =
        "INSERT INTO T_AUD_LOG (LOG_TS, USR_ID, ACT_CD, TBL_NM, REC_KEY, MSG) VALUES ("
            + "CURRENT_TIMESTAMP, 'WEB', '" + act + "', '" + tbl + "', '" + esc(key) + "', '"
            + esc(msg) + "')";
    try (Statement st = c.createStatement()) {
      st.executeUpdate(sql);
    }
  }

  static String esc(String s) {
    return s == null ? "" : s.replace("'", "''");
  }
}
