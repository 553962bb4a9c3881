package com.acme.erp.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** Home-grown connection pool, the way it was done before pools were a library. */
public final class ConnMgr {
  private static final int MAX_IDLE = 10;

  private final String url;
  private final String user;
  private final String pwd;
  private final String schema;
  private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(MAX_IDLE);

  public ConnMgr(String url, String user, String pwd, String schema) {
    this.url = url;
    this.user = user;
    this.pwd = pwd;
    this.schema = schema;
  }

  public String schema() {
    return schema;
  }

  public Connection get() throws SQLException {
    Connection c = idle.poll();
    if (c != null && !c.isClosed()) {
      return c;
    }
    c = DriverManager.getConnection(url, user, pwd);
    if (schema != null) {
      try (Statement st = c.createStatement()) {
        st.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
      }
      c.setSchema(schema);
    }
    return c;
  }

  public void release(Connection c) {
    if (c == null) {
      return;
    }
    try {
      if (!c.getAutoCommit()) {
        c.rollback();
        c.setAutoCommit(true);
      }
      if (!idle.offer(c)) {
        c.close();
      }
    } catch (SQLException e) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // already broken, nothing left to do
      }
    }
  }

  public void shutdown() {
    Connection c;
    while ((c = idle.poll()) != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing on shutdown, failures do not matter
      }
    }
  }
}
