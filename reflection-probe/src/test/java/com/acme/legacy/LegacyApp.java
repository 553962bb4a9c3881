package com.acme.legacy;

import com.acme.shop.model.Customer;
import com.acme.shop.model.Order;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * The application the integration tests run in a separate JVM. Modes: {@code once} runs the
 * workload and prints its answers; {@code loop <seconds>} repeats it; {@code flood <n>} runs n
 * distinct statements first. Then it lingers so the probe can send.
 */
public class LegacyApp {
  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "once";
    long lingerMillis = Long.parseLong(System.getProperty("linger", "2500"));
    new Customer();
    new Order();
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:legacy;DB_CLOSE_DELAY=-1", "sa", "")) {
      CustomerDao dao = new CustomerDao(connection);
      CustomerServlet servlet = new CustomerServlet(dao, "/customers");
      CustomerServlet api = new CustomerServlet(dao, "/api");
      if (mode.equals("loop")) {
        System.out.println("READY " + ProcessHandle.current().pid());
        long end = System.currentTimeMillis() + Long.parseLong(args[1]) * 1000L;
        while (System.currentTimeMillis() < end) {
          long start = System.nanoTime();
          String answer = workload(dao, servlet, api);
          System.out.println("WORKLOAD " + (System.nanoTime() - start) / 1_000_000 + " ms");
          System.out.println(answer);
          Thread.sleep(200);
        }
        return;
      }
      if (mode.equals("flood")) {
        dao.reset();
        long start = System.nanoTime();
        for (int i = 0; i < Integer.parseInt(args[1]); i++) {
          dao.distinct(i);
        }
        System.out.println("FLOOD done in " + (System.nanoTime() - start) / 1_000_000 + " ms");
      }
      long start = System.nanoTime();
      String answer = workload(dao, servlet, api);
      System.out.println("WORKLOAD " + (System.nanoTime() - start) / 1_000_000 + " ms");
      System.out.println(answer);
    }
    Thread.sleep(lingerMillis);
  }

  static String workload(CustomerDao dao, CustomerServlet servlet, CustomerServlet api) throws Exception {
    dao.reset();
    int inserted = dao.insertAll(20);
    String first = dao.find(1);
    String http = servlet.get(7);
    String viaApi = api.get(5);
    int blocked = dao.block(3);
    int active = dao.countActive();
    String broken = dao.broken();
    return "RESULT inserted=" + inserted + " first=" + first + " http=" + http + " blocked=" + blocked
        + " active=" + active + " broken=" + broken + " api=" + viaApi;
  }
}
