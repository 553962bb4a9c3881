package com.acme.legacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A plain JDBC DAO as legacy applications have them. */
public class CustomerDao {
  private final Connection connection;

  public CustomerDao(Connection connection) {
    this.connection = connection;
  }

  public void reset() throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("create table if not exists T_CUST (CUST_ID int primary key, C_NM varchar(40), C_STAT char(1))");
      st.executeUpdate("delete from T_CUST");
    }
  }

  public int insertAll(int n) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("insert into T_CUST (CUST_ID, C_NM, C_STAT) values (?, ?, ?)")) {
      for (int i = 1; i <= n; i++) {
        ps.setInt(1, i);
        ps.setString(2, "name" + i);
        ps.setString(3, i % 2 == 0 ? "A" : "B");
        ps.addBatch();
      }
      int total = 0;
      for (int c : ps.executeBatch()) {
        total += c;
      }
      return total;
    }
  }

  public String find(int id) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("select C_NM, C_STAT from T_CUST where CUST_ID = ?")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString("C_NM") + "/" + rs.getString(2) : "none";
      }
    }
  }

  public int countActive() throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("select CUST_ID from T_CUST where C_STAT in ('A', 'X')")) {
      int n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    }
  }

  public int block(int id) throws SQLException {
    try (Statement st = connection.createStatement()) {
      return st.executeUpdate("update T_CUST set C_STAT = 'X' where CUST_ID = " + id);
    }
  }

  public String broken() {
    try (Statement st = connection.createStatement()) {
      st.executeQuery("select * from NO_SUCH_TABLE");
      return "no error";
    } catch (SQLException e) {
      return "error";
    }
  }

  public void distinct(int i) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.executeQuery("select CUST_ID as C" + i + " from T_CUST where 1 = 0").close();
    }
  }
}
