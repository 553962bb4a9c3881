package com.acme.erp.dao;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns result rows into maps keyed by lower-case column label, trimming CHAR padding. */
final class Rows {
  private Rows() {}

  static Map<String, Object> one(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      Object v = rs.getObject(i);
      if (v instanceof String s) {
        v = s.trim();
      } else if (v instanceof java.sql.Date d) {
        v = d.toLocalDate().toString();
      } else if (v instanceof java.sql.Timestamp t) {
        v = t.toLocalDateTime().toString();
      }
      row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), v);
    }
    return row;
  }

  static List<Map<String, Object>> all(ResultSet rs) throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    while (rs.next()) {
      out.add(one(rs));
    }
    return out;
  }
}
