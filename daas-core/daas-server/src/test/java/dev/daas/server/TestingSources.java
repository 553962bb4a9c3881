package dev.daas.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Small legacy-style H2 databases for the server's tests. */
public final class TestingSources {
  private TestingSources() {}

  /** Creates an in-memory H2 database with a legacy schema and returns its URL. */
  public static String h2(String name, String password) {
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    execute(
        url,
        "sa",
        password,
        "CREATE TABLE IF NOT EXISTS T_CUST (CUST_ID INT PRIMARY KEY, C_NM VARCHAR(40), C_STAT CHAR(1) NOT NULL,"
            + " C_BAL DECIMAL(38,10), C_CRTD TIMESTAMP, C_SEEN TIMESTAMP WITH TIME ZONE, C_DOC JSON,"
            + " C_PIC VARBINARY(64))",
        "CREATE TABLE IF NOT EXISTS T_ORD (ORD_NO INT PRIMARY KEY, CUST_ID INT NOT NULL, O_DT DATE,"
            + " CONSTRAINT FK_ORD_CUST FOREIGN KEY (CUST_ID) REFERENCES T_CUST (CUST_ID))",
        "CREATE TABLE IF NOT EXISTS T_ORD_LN (ORD_NO INT NOT NULL, LN_NO INT NOT NULL, QTY INT,"
            + " PRIMARY KEY (ORD_NO, LN_NO), CONSTRAINT FK_LN_ORD FOREIGN KEY (ORD_NO) REFERENCES T_ORD (ORD_NO))",
        "CREATE TABLE IF NOT EXISTS T_AUD (EVT VARCHAR(20), AT_TS TIMESTAMP)",
        "MERGE INTO T_CUST KEY (CUST_ID) VALUES"
            + " (1, 'Ada', 'A', 12345678901234567890.1234567890, TIMESTAMP '2024-01-31 13:45:00',"
            + " TIMESTAMP WITH TIME ZONE '2024-01-31 13:45:00+02:00', JSON '{\"tier\":\"gold\",\"n\":[1,2]}', X'CAFE'),"
            + " (2, 'Bob', 'I', 0.5, NULL, NULL, NULL, NULL),"
            + " (3, NULL, 'A', NULL, NULL, NULL, NULL, NULL)",
        "MERGE INTO T_ORD KEY (ORD_NO) VALUES (10, 1, DATE '2024-02-01'), (11, 1, NULL), (12, 2, NULL)",
        "MERGE INTO T_ORD_LN KEY (ORD_NO, LN_NO) VALUES (10, 1, 5), (10, 2, 7), (11, 1, 1)",
        "DELETE FROM T_AUD",
        "INSERT INTO T_AUD VALUES ('login', TIMESTAMP '2024-01-01 00:00:00'), ('login', TIMESTAMP '2024-01-01 00:00:00')");
    return url;
  }

  public static void execute(String url, String user, String password, String... statements) {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String body(String name, String url, String user, String password) {
    return "{\"name\":\""
        + name
        + "\",\"url\":\""
        + url
        + "\",\"user\":\""
        + user
        + "\",\"password\":\""
        + password
        + "\"}";
  }
}
