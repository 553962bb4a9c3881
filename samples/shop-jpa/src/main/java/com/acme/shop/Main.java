package com.acme.shop;

import com.acme.shop.web.BestServlet;
import com.acme.shop.web.KndServlet;
import jakarta.persistence.EntityManagerFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Starts the shop: {@code --port N} (default 8082, 0 = any free port), {@code --db-url},
 * {@code --db-user}, {@code --db-password}, {@code --db-name} (MariaDB database, default
 * shop_sample).
 */
public final class Main {
  private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

  private final Server server;
  private final EntityManagerFactory emf;

  private Main(Server server, EntityManagerFactory emf) {
    this.server = server;
    this.emf = emf;
  }

  public static void main(String[] args) throws Exception {
    int port = 8082;
    String url = "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1";
    String user = "sa";
    String pwd = "";
    String dbName = "shop_sample";
    for (int i = 0; i < args.length; i++) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + args[i]);
      }
      String v = args[++i];
      switch (args[i - 1]) {
        case "--port" -> port = Integer.parseInt(v);
        case "--db-url" -> url = v;
        case "--db-user" -> user = v;
        case "--db-password" -> pwd = v;
        case "--db-name" -> dbName = v;
        default -> throw new IllegalArgumentException(
            "unknown option " + args[i - 1]
                + " (accepted: --port, --db-url, --db-user, --db-password, --db-name)");
      }
    }
    Main app = start(port, url, user, pwd, dbName);
    System.out.println("READY port=" + app.port());
    System.out.flush();
    app.server.join();
  }

  public static Main start(int port, String url, String user, String pwd, String dbName)
      throws Exception {
    HIBERNATE_LOG.setLevel(Level.WARNING);
    EntityManagerFactory emf = ShopDb.open(url, user, pwd, dbName);
    ShopDao dao = new ShopDao(emf);
    Server server = new Server();
    ServerConnector conn = new ServerConnector(server);
    conn.setHost("127.0.0.1");
    conn.setPort(port);
    server.addConnector(conn);
    ServletContextHandler ctx = new ServletContextHandler();
    ctx.setContextPath("/");
    ctx.addServlet(new ServletHolder(new KndServlet(dao)), "/customers/*");
    ctx.addServlet(new ServletHolder(new BestServlet(dao)), "/orders/*");
    server.setHandler(ctx);
    server.start();
    return new Main(server, emf);
  }

  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  public EntityManagerFactory emf() {
    return emf;
  }

  public void stop() throws Exception {
    server.stop();
    emf.close();
  }
}
