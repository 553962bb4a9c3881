package com.acme.erp.dao;

import com.acme.erp.db.ConnMgr;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/** Customer data access. */
public final class CustDao {
  private final ConnMgr db;

  public CustDao(ConnMgr db) {
    this.db = db;
  }

  /** All customers, or those of one status; the status filter is string-built like in 2004. */
  public List<Map<String, Object>> list(String stat) throws SQLException {
    String sql = "SELECT CUST_ID, C_NM, C_STAT, C_TYP, REG_CD FROM T_CUST";
    if (stat != null) {
      sql = sql + " WHERE C_STAT = '" + stat + "'";
    }
    sql = sql + " ORDER BY CUST_ID";
    Connection c = db.get();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return Rows.all(rs);
    } finally {
      db.release(c);
    }
  }

  /** One customer with region name (implicit join) and addresses; null when unknown. */
  public Map<String, Object> find(int id) throws SQLException {
    Connection c = db.get();
    try {
      Map<String, Object> cust;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT c.CUST_ID, c.C_NM, c.C_STAT, c.C_TYP, c.CR_LMT, c.CRT_DT, r.R_NM, e.E_NM"
                  + " FROM T_CUST c, T_REG r, T_EMP e"
                  + " WHERE c.REG_CD = r.REG_CD AND c.EMP_ID = e.EMP_ID AND c.CUST_ID = ?")) {
        ps.setInt(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return null;
          }
          cust = Rows.one(rs);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT ADDR_ID, A_TYP, STR, CTY, ZIP, CNTRY FROM T_ADDR WHERE CUST_ID = ?"
                  + " ORDER BY ADDR_ID")) {
        ps.setInt(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          cust.put("addr", Rows.all(rs));
        }
      }
      return cust;
    } finally {
      db.release(c);
    }
  }

  /** Orders of a customer with the sales rep (explicit joins); null when the customer is unknown. */
  public List<Map<String, Object>> orders(int id) throws SQLException {
    Connection c = db.get();
    try {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM T_CUST WHERE CUST_ID = ?")) {
        ps.setInt(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return null;
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT h.ORD_NO, h.ORD_DT, h.O_STAT, h.TOT_AMT, e.E_NM, i.INV_NO, i.I_STAT"
                  + " FROM T_ORD_HDR h"
                  + " INNER JOIN T_CUST c ON c.CUST_ID = h.CUST_ID"
                  + " LEFT OUTER JOIN T_EMP e ON e.EMP_ID = h.EMP_ID"
                  + " LEFT OUTER JOIN T_INV i ON i.ORD_NO = h.ORD_NO"
                  + " WHERE c.CUST_ID = ? ORDER BY h.ORD_NO")) {
        ps.setInt(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return Rows.all(rs);
        }
      }
    } finally {
      db.release(c);
    }
  }

  /** Sets status 'B' (blocked); returns false when the customer does not exist. */
  public boolean block(int id) throws SQLException {
    Connection c = db.get();
    try {
      c.setAutoCommit(false);
      int n;
      try (Statement st = c.createStatement()) {
        n = st.executeUpdate("UPDATE T_CUST SET C_STAT = 'B' WHERE CUST_ID = " + id);
      }
      if (n == 1) {
        AudDao.log(c, 'U', "T_CUST", String.valueOf(id), "status set to B");
      }
      c.commit();
      return n == 1;
    } finally {
      db.release(c);
    }
  }
}
