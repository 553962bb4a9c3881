package com.acme.erp;

import com.acme.erp.dao.CustDao;
import com.acme.erp.dao.OrdDao;
import com.acme.erp.db.ConnMgr;
import com.acme.erp.db.SchemaSetup;
import com.acme.erp.web.CustServlet;
import com.acme.erp.web.OrdServlet;
import com.acme.erp.web.RptServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Starts the ERP web application: {@code --port N} (0 = any free port) plus database options. */
public final class Main {
  private final Server server;
  private final ConnMgr db;

  private Main(Server server, ConnMgr db) {
    this.server = server;
    this.db = db;
  }

  public static void main(String[] args) throws Exception {
    Main app = start(AppConfig.parse(args));
    System.out.println("READY port=" + app.port());
    System.out.flush();
    app.server.join();
  }

  public static Main start(AppConfig cfg) throws Exception {
    ConnMgr db = new ConnMgr(cfg.dbUrl, cfg.dbUser, cfg.dbPassword, cfg.dbSchema);
    SchemaSetup.run(db);
    Server server = new Server();
    ServerConnector conn = new ServerConnector(server);
    conn.setHost("127.0.0.1");
    conn.setPort(cfg.port);
    server.addConnector(conn);
    ServletContextHandler ctx = new ServletContextHandler();
    ctx.setContextPath("/");
    OrdDao ord = new OrdDao(db);
    ctx.addServlet(new ServletHolder(new CustServlet(new CustDao(db))), "/customers/*");
    ctx.addServlet(new ServletHolder(new OrdServlet(ord)), "/orders/*");
    ctx.addServlet(new ServletHolder(new RptServlet(ord)), "/reports/*");
    server.setHandler(ctx);
    server.start();
    return new Main(server, db);
  }

  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  public ConnMgr db() {
    return db;
  }

  public void stop() throws Exception {
    server.stop();
    db.shutdown();
  }
}
