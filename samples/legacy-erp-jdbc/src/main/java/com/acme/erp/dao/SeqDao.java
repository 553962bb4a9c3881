package com.acme.erp.dao;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Number ranges from a counter table; the UPDATE locks the row until the caller commits. */
public final class SeqDao {
  private SeqDao() {}

  public static int next(Connection c, String name) throws SQLException {
    try (PreparedStatement up =
        c.prepareStatement("UPDATE T_SEQ SET NXT_VAL = NXT_VAL + 1 WHERE SEQ_NM = ?")) {
      up.setString(1, name);
      if (up.executeUpdate() != 1) {
        throw new SQLException("number range " + name + " missing in T_SEQ");
      }
    }
    try (PreparedStatement q =
        c.prepareStatement("SELECT NXT_VAL - 1 FROM T_SEQ WHERE SEQ_NM = ?")) {
      q.setString(1, name);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
