package com.acme.erp.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Random;

/**
 * Creates the tables (idempotently) and loads deterministic seed data into an empty database.
 * Relationships are by convention only: the original schema never declared foreign keys.
 */
public final class SchemaSetup {
  public static final int CUSTOMERS = 60;
  public static final int ORDERS = 150;
  public static final int PRODUCTS = 40;
  public static final String FIRST_CUSTOMER_NAME = "ALPHA HANDELS GMBH";
  static final LocalDate BASE_DT = LocalDate.of(2024, 1, 1);

  private static final String[] DDL = {
    "CREATE TABLE IF NOT EXISTS T_REG (REG_CD CHAR(3) NOT NULL PRIMARY KEY, R_NM VARCHAR(40))",
    "CREATE TABLE IF NOT EXISTS T_EMP (EMP_ID INTEGER NOT NULL PRIMARY KEY, E_NM VARCHAR(60),"
        + " E_STAT CHAR(1), MGR_ID INTEGER, REG_CD CHAR(3))",
    "CREATE TABLE IF NOT EXISTS T_CUST (CUST_ID INTEGER NOT NULL PRIMARY KEY, C_NM VARCHAR(60),"
        + " C_STAT CHAR(1), C_TYP CHAR(1), REG_CD CHAR(3), EMP_ID INTEGER, CRT_DT DATE,"
        + " CR_LMT DECIMAL(12,2))",
    "CREATE TABLE IF NOT EXISTS T_ADDR (ADDR_ID INTEGER NOT NULL PRIMARY KEY, CUST_ID INTEGER,"
        + " A_TYP CHAR(1), STR VARCHAR(80), CTY VARCHAR(40), ZIP VARCHAR(10), CNTRY CHAR(2))",
    "CREATE TABLE IF NOT EXISTS T_PRD_GRP (GRP_CD CHAR(2) NOT NULL PRIMARY KEY, G_NM VARCHAR(40))",
    "CREATE TABLE IF NOT EXISTS T_PRD (PRD_ID INTEGER NOT NULL PRIMARY KEY, P_NM VARCHAR(60),"
        + " P_GRP CHAR(2), UNIT_PRC DECIMAL(10,2), P_STAT CHAR(1))",
    "CREATE TABLE IF NOT EXISTS T_STK (PRD_ID INTEGER NOT NULL, WH_CD CHAR(2) NOT NULL,"
        + " QTY_ON_HND INTEGER, PRIMARY KEY (PRD_ID, WH_CD))",
    "CREATE TABLE IF NOT EXISTS T_ORD_HDR (ORD_NO INTEGER NOT NULL PRIMARY KEY, CUST_ID INTEGER,"
        + " ORD_DT DATE, O_STAT CHAR(1), EMP_ID INTEGER, TOT_AMT DECIMAL(12,2))",
    "CREATE TABLE IF NOT EXISTS T_ORD_LN (ORD_NO INTEGER NOT NULL, LN_NO INTEGER NOT NULL,"
        + " PRD_ID INTEGER, QTY INTEGER, LN_AMT DECIMAL(12,2), PRIMARY KEY (ORD_NO, LN_NO))",
    "CREATE TABLE IF NOT EXISTS T_INV (INV_NO INTEGER NOT NULL PRIMARY KEY, ORD_NO INTEGER,"
        + " INV_DT DATE, INV_AMT DECIMAL(12,2), I_STAT CHAR(1))",
    "CREATE TABLE IF NOT EXISTS T_PAY (PAY_ID INTEGER NOT NULL PRIMARY KEY, INV_NO INTEGER,"
        + " PAY_DT DATE, PAY_AMT DECIMAL(12,2), PAY_MTH CHAR(1))",
    "CREATE TABLE IF NOT EXISTS T_SEQ (SEQ_NM VARCHAR(10) NOT NULL PRIMARY KEY, NXT_VAL INTEGER)",
    "CREATE TABLE IF NOT EXISTS T_AUD_LOG (LOG_TS TIMESTAMP, USR_ID VARCHAR(20), ACT_CD CHAR(1),"
        + " TBL_NM VARCHAR(20), REC_KEY VARCHAR(40), MSG VARCHAR(200))",
  };

  private static final String[][] REGIONS = {
    {"NRD", "Nord"}, {"SUD", "Sued"}, {"WST", "West"}, {"OST", "Ost"}, {"MIT", "Mitte"}
  };
  private static final String[][] GROUPS = {
    {"HW", "Hardware"}, {"SW", "Software"}, {"BR", "Buerobedarf"},
    {"MO", "Moebel"}, {"DL", "Dienstleistung"}, {"ER", "Ersatzteile"}
  };
  private static final String[] NAME_A = {
    "ALPHA", "BETA", "GAMMA", "DELTA", "OMEGA", "NORD", "RHEIN", "ALPEN", "ELBE", "HANSA"
  };
  private static final String[] NAME_B = {
    "HANDELS GMBH", "TECHNIK AG", "BAU KG", "LOGISTIK GMBH", "SERVICE OHG", "VERTRIEB GMBH"
  };
  private static final String[] CITIES = {"HAMBURG", "MUENCHEN", "KOELN", "BERLIN", "KASSEL"};

  private SchemaSetup() {}

  public static void run(ConnMgr db) throws SQLException {
    Connection c = db.get();
    try {
      try (Statement st = c.createStatement()) {
        for (String ddl : DDL) {
          st.executeUpdate(ddl);
        }
      }
      int n;
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM T_CUST")) {
        rs.next();
        n = rs.getInt(1);
      }
      if (n == 0) {
        c.setAutoCommit(false);
        seed(c);
        c.commit();
      }
    } finally {
      db.release(c);
    }
  }

  private static void seed(Connection c) throws SQLException {
    Random rnd = new Random(4711);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO T_REG VALUES (?, ?)")) {
      for (String[] r : REGIONS) {
        ps.setString(1, r[0]);
        ps.setString(2, r[1]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO T_EMP VALUES (?, ?, ?, ?, ?)")) {
      for (int i = 1; i <= 10; i++) {
        ps.setInt(1, i);
        ps.setString(2, "MA" + String.format("%03d", i) + " " + NAME_A[i % NAME_A.length]);
        ps.setString(3, i == 10 ? "I" : "A");
        if (i == 1) {
          ps.setNull(4, java.sql.Types.INTEGER);
        } else {
          ps.setInt(4, 1);
        }
        ps.setString(5, REGIONS[i % REGIONS.length][0]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO T_PRD_GRP VALUES (?, ?)")) {
      for (String[] g : GROUPS) {
        ps.setString(1, g[0]);
        ps.setString(2, g[1]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    BigDecimal[] prices = new BigDecimal[PRODUCTS + 1];
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO T_PRD VALUES (?, ?, ?, ?, ?)");
        PreparedStatement stk = c.prepareStatement("INSERT INTO T_STK VALUES (?, ?, ?)")) {
      for (int i = 1; i <= PRODUCTS; i++) {
        prices[i] = BigDecimal.valueOf(500 + rnd.nextInt(50000), 2);
        ps.setInt(1, i);
        ps.setString(2, "ART-" + String.format("%04d", i * 7));
        ps.setString(3, GROUPS[i % GROUPS.length][0]);
        ps.setBigDecimal(4, prices[i]);
        ps.setString(5, i % 13 == 0 ? "X" : "A");
        ps.addBatch();
        for (String wh : new String[] {"01", "02"}) {
          stk.setInt(1, i);
          stk.setString(2, wh);
          stk.setInt(3, 1000 + rnd.nextInt(500));
          stk.addBatch();
        }
      }
      ps.executeBatch();
      stk.executeBatch();
    }
    try (PreparedStatement ps =
            c.prepareStatement("INSERT INTO T_CUST VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement ad = c.prepareStatement("INSERT INTO T_ADDR VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int addr = 1;
      for (int i = 1; i <= CUSTOMERS; i++) {
        ps.setInt(1, i);
        ps.setString(2, i == 1 ? FIRST_CUSTOMER_NAME : NAME_A[(i * 3) % NAME_A.length]
            + " " + NAME_B[i % NAME_B.length] + " " + i);
        ps.setString(3, i % 11 == 0 ? "I" : i % 17 == 0 ? "B" : "A");
        ps.setString(4, i % 4 == 0 ? "G" : "K");
        ps.setString(5, REGIONS[i % REGIONS.length][0]);
        ps.setInt(6, 1 + i % 9);
        ps.setDate(7, Date.valueOf(BASE_DT.minusDays(30L * i)));
        ps.setBigDecimal(8, BigDecimal.valueOf(1000L * (1 + rnd.nextInt(50))));
        ps.addBatch();
        for (String typ : i % 3 == 0 ? new String[] {"B", "S"} : new String[] {"B"}) {
          ad.setInt(1, addr++);
          ad.setInt(2, i);
          ad.setString(3, typ);
          ad.setString(4, "HAUPTSTR. " + (1 + rnd.nextInt(200)));
          ad.setString(5, CITIES[rnd.nextInt(CITIES.length)]);
          ad.setString(6, String.format("%05d", 10000 + rnd.nextInt(80000)));
          ad.setString(7, "DE");
          ad.addBatch();
        }
      }
      ps.executeBatch();
      ad.executeBatch();
    }
    try (PreparedStatement hdr =
            c.prepareStatement("INSERT INTO T_ORD_HDR VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement ln = c.prepareStatement("INSERT INTO T_ORD_LN VALUES (?, ?, ?, ?, ?)");
        PreparedStatement inv = c.prepareStatement("INSERT INTO T_INV VALUES (?, ?, ?, ?, ?)");
        PreparedStatement pay = c.prepareStatement("INSERT INTO T_PAY VALUES (?, ?, ?, ?, ?)")) {
      int invNo = 5001;
      int payId = 1;
      for (int o = 1; o <= ORDERS; o++) {
        int lines = 1 + rnd.nextInt(4);
        BigDecimal tot = BigDecimal.ZERO;
        for (int l = 1; l <= lines; l++) {
          int prd = 1 + rnd.nextInt(PRODUCTS);
          int qty = 1 + rnd.nextInt(10);
          BigDecimal amt = prices[prd].multiply(BigDecimal.valueOf(qty));
          tot = tot.add(amt);
          ln.setInt(1, o);
          ln.setInt(2, l);
          ln.setInt(3, prd);
          ln.setInt(4, qty);
          ln.setBigDecimal(5, amt);
          ln.addBatch();
        }
        String stat = o % 10 == 0 ? "X" : o <= 100 ? "S" : "N";
        LocalDate dt = BASE_DT.plusDays(o * 2L);
        hdr.setInt(1, o);
        hdr.setInt(2, 1 + rnd.nextInt(CUSTOMERS));
        hdr.setDate(3, Date.valueOf(dt));
        hdr.setString(4, stat);
        hdr.setInt(5, 1 + rnd.nextInt(9));
        hdr.setBigDecimal(6, tot);
        hdr.addBatch();
        if ("S".equals(stat)) {
          boolean paid = o % 3 != 0;
          inv.setInt(1, invNo);
          inv.setInt(2, o);
          inv.setDate(3, Date.valueOf(dt.plusDays(1)));
          inv.setBigDecimal(4, tot);
          inv.setString(5, paid ? "P" : "O");
          inv.addBatch();
          if (paid) {
            pay.setInt(1, payId++);
            pay.setInt(2, invNo);
            pay.setDate(3, Date.valueOf(dt.plusDays(14)));
            pay.setBigDecimal(4, tot);
            pay.setString(5, o % 2 == 0 ? "U" : "L");
            pay.addBatch();
          }
          invNo++;
        }
      }
      hdr.executeBatch();
      ln.executeBatch();
      inv.executeBatch();
      pay.executeBatch();
    }
    try (Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO T_SEQ VALUES ('ORD', " + (ORDERS + 1) + ")");
      st.executeUpdate("INSERT INTO T_SEQ VALUES ('INV', 6001)");
    }
  }
}
