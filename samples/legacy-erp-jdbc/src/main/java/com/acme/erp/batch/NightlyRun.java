package com.acme.erp.batch;

import com.acme.erp.AppConfig;
import com.acme.erp.db.ConnMgr;
import com.acme.erp.db.SchemaSetup;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Nightly batch: ships and invoices old open orders, settles paid invoices and deactivates
 * dormant customers. The business date is the newest order date, so reruns are deterministic.
 */
public final class NightlyRun {
  /** Counts of changed rows per step. */
  public record Result(int shipped, int settled, int deactivated) {}

  private NightlyRun() {}

  public static void main(String[] args) throws Exception {
    AppConfig cfg = AppConfig.parse(args);
    ConnMgr db = new ConnMgr(cfg.dbUrl, cfg.dbUser, cfg.dbPassword, cfg.dbSchema);
    SchemaSetup.run(db);
    Result r = run(db);
    db.shutdown();
    System.out.println(
        "NIGHTLY shipped=" + r.shipped() + " settled=" + r.settled()
            + " deactivated=" + r.deactivated());
  }

  public static Result run(ConnMgr db) throws SQLException {
    Connection c = db.get();
    try {
      c.setAutoCommit(false);
      LocalDate bizDt;
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT MAX(ORD_DT) FROM T_ORD_HDR")) {
        rs.next();
        bizDt = rs.getDate(1) == null ? LocalDate.now() : rs.getDate(1).toLocalDate();
      }
      int shipped = ship(c, bizDt.minusDays(30));
      int settled;
      try (Statement st = c.createStatement()) {
        settled =
            st.executeUpdate(
                "UPDATE T_INV SET I_STAT = 'P' WHERE I_STAT = 'O' AND INV_AMT <="
                    + " (SELECT COALESCE(SUM(p.PAY_AMT), 0) FROM T_PAY p"
                    + " WHERE p.INV_NO = T_INV.INV_NO)");
      }
      int deactivated;
      try (Statement st = c.createStatement()) {
        deactivated =
            st.executeUpdate(
                "UPDATE T_CUST SET C_STAT = 'I' WHERE C_STAT = 'A' AND NOT EXISTS"
                    + " (SELECT 1 FROM T_ORD_HDR h WHERE h.CUST_ID = T_CUST.CUST_ID"
                    + " AND h.ORD_DT >= DATE '" + bizDt.minusDays(365) + "')");
      }
      try (Statement st = c.createStatement()) {
        st.executeUpdate(
            "INSERT INTO T_AUD_LOG (LOG_TS, USR_ID, ACT_CD, TBL_NM, REC_KEY, MSG) VALUES"
                + " (CURRENT_TIMESTAMP, 'BATCH', 'B', 'T_ORD_HDR', '" + bizDt + "', 'shipped="
                + shipped + " settled=" + settled + " deactivated=" + deactivated + "')");
      }
      c.commit();
      return new Result(shipped, settled, deactivated);
    } finally {
      db.release(c);
    }
  }

  private static int ship(Connection c, LocalDate cutoff) throws SQLException {
    List<int[]> open = new ArrayList<>();
    List<java.math.BigDecimal> amts = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT ORD_NO, TOT_AMT FROM T_ORD_HDR WHERE O_STAT = 'N' AND ORD_DT < DATE '"
                    + cutoff + "' ORDER BY ORD_NO")) {
      while (rs.next()) {
        open.add(new int[] {rs.getInt(1)});
        amts.add(rs.getBigDecimal(2));
      }
    }
    if (open.isEmpty()) {
      return 0;
    }
    try (PreparedStatement up =
            c.prepareStatement("UPDATE T_ORD_HDR SET O_STAT = 'S' WHERE ORD_NO = ?");
        PreparedStatement inv =
            c.prepareStatement(
                "INSERT INTO T_INV (INV_NO, ORD_NO, INV_DT, INV_AMT, I_STAT)"
                    + " VALUES (?, ?, ?, ?, 'O')")) {
      for (int i = 0; i < open.size(); i++) {
        int no = open.get(i)[0];
        up.setInt(1, no);
        up.addBatch();
        inv.setInt(1, com.acme.erp.dao.SeqDao.next(c, "INV"));
        inv.setInt(2, no);
        inv.setDate(3, Date.valueOf(cutoff.plusDays(30)));
        inv.setBigDecimal(4, amts.get(i));
        inv.addBatch();
      }
      up.executeBatch();
      inv.executeBatch();
    }
    return open.size();
  }
}
