package com.acme.erp.dao;

import com.acme.erp.db.ConnMgr;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Order data access. */
public final class OrdDao {
  /** Thrown when an order cannot be accepted for business reasons. */
  public static final class Rejected extends Exception {
    public Rejected(String msg) {
      super(msg);
    }
  }

  private final ConnMgr db;

  public OrdDao(ConnMgr db) {
    this.db = db;
  }

  /** Header with customer name, plus lines with product and group (implicit joins); or null. */
  public Map<String, Object> find(int no) throws SQLException {
    Connection c = db.get();
    try {
      Map<String, Object> hdr;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT h.ORD_NO, h.ORD_DT, h.O_STAT, h.TOT_AMT, h.CUST_ID, c.C_NM"
                  + " FROM T_ORD_HDR h, T_CUST c WHERE h.CUST_ID = c.CUST_ID AND h.ORD_NO = ?")) {
        ps.setInt(1, no);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return null;
          }
          hdr = Rows.one(rs);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT l.LN_NO, l.QTY, l.LN_AMT, p.PRD_ID, p.P_NM, p.UNIT_PRC, g.G_NM"
                  + " FROM T_ORD_LN l, T_PRD p, T_PRD_GRP g"
                  + " WHERE l.PRD_ID = p.PRD_ID AND p.P_GRP = g.GRP_CD AND l.ORD_NO = ?"
                  + " ORDER BY l.LN_NO")) {
        ps.setInt(1, no);
        try (ResultSet rs = ps.executeQuery()) {
          hdr.put("lines", Rows.all(rs));
        }
      }
      return hdr;
    } finally {
      db.release(c);
    }
  }

  /** Inserts header and lines in one transaction and books the stock; returns the order number. */
  public int create(int custId, int[] prd, int[] qty) throws SQLException, Rejected {
    Connection c = db.get();
    try {
      c.setAutoCommit(false);
      int emp;
      try (PreparedStatement ps =
          c.prepareStatement("SELECT C_STAT, EMP_ID FROM T_CUST WHERE CUST_ID = ?")) {
        ps.setInt(1, custId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new Rejected("customer " + custId + " does not exist");
          }
          if (!"A".equals(rs.getString(1).trim())) {
            throw new Rejected("customer " + custId + " is not active (status must be A)");
          }
          emp = rs.getInt(2);
        }
      }
      BigDecimal[] amt = new BigDecimal[prd.length];
      BigDecimal tot = BigDecimal.ZERO;
      try (PreparedStatement ps =
          c.prepareStatement("SELECT UNIT_PRC FROM T_PRD WHERE PRD_ID = ? AND P_STAT = 'A'")) {
        for (int i = 0; i < prd.length; i++) {
          ps.setInt(1, prd[i]);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              throw new Rejected("product " + prd[i] + " does not exist or is not sellable");
            }
            amt[i] = rs.getBigDecimal(1).multiply(BigDecimal.valueOf(qty[i]));
            tot = tot.add(amt[i]);
          }
        }
      }
      int no = SeqDao.next(c, "ORD");
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO T_ORD_HDR (ORD_NO, CUST_ID, ORD_DT, O_STAT, EMP_ID, TOT_AMT)"
                  + " VALUES (?, ?, ?, 'N', ?, ?)")) {
        ps.setInt(1, no);
        ps.setInt(2, custId);
        ps.setDate(3, Date.valueOf(LocalDate.now()));
        ps.setInt(4, emp);
        ps.setBigDecimal(5, tot);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO T_ORD_LN (ORD_NO, LN_NO, PRD_ID, QTY, LN_AMT) VALUES (?, ?, ?, ?, ?)")) {
        for (int i = 0; i < prd.length; i++) {
          ps.setInt(1, no);
          ps.setInt(2, i + 1);
          ps.setInt(3, prd[i]);
          ps.setInt(4, qty[i]);
          ps.setBigDecimal(5, amt[i]);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (Statement st = c.createStatement()) {
        for (int i = 0; i < prd.length; i++) {
          st.addBatch(
              "UPDATE T_STK SET QTY_ON_HND = QTY_ON_HND - " + qty[i] + " WHERE PRD_ID = " + prd[i]
                  + " AND WH_CD = '01'");
        }
        st.executeBatch();
      }
      AudDao.log(c, 'I', "T_ORD_HDR", String.valueOf(no), prd.length + " lines");
      c.commit();
      return no;
    } finally {
      db.release(c);
    }
  }

  /** Revenue per region and month of non-cancelled orders. */
  public List<Map<String, Object>> revenue() throws SQLException {
    Connection c = db.get();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT r.REG_CD, r.R_NM, COUNT(*) AS ORD_CNT, SUM(h.TOT_AMT) AS REV"
                    + " FROM T_ORD_HDR h JOIN T_CUST c ON c.CUST_ID = h.CUST_ID"
                    + " JOIN T_REG r ON r.REG_CD = c.REG_CD"
                    + " WHERE h.O_STAT <> ?"
                    + " GROUP BY r.REG_CD, r.R_NM HAVING COUNT(*) > 0 ORDER BY r.REG_CD")) {
      ps.setString(1, "X");
      try (ResultSet rs = ps.executeQuery()) {
        return Rows.all(rs);
      }
    } finally {
      db.release(c);
    }
  }
}
