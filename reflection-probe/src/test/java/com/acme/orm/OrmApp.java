package com.acme.orm;

import java.io.InputStream;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * The ORM application the integration tests run in a separate JVM: MyBatis with an XML mapper
 * and Hibernate with entities mapped only by orm.xml, both on in-memory H2. Prints its answers,
 * then lingers so the probe can send.
 */
public class OrmApp {
  public static void main(String[] args) throws Exception {
    SqlSessionFactory sqlSessions = mybatis();
    try (SessionFactory factory = hibernate("jdbc:h2:mem:hibernate;DB_CLOSE_DELAY=-1")) {
      String hibernate = hibernateWorkload(factory);
      System.out.println("RESULT mybatis=" + mybatisWorkload(sqlSessions) + " hibernate=" + hibernate);
      if (args.length == 2 && args[0].equals("loop")) { // both factories exist before any attach
        System.out.println("READY " + ProcessHandle.current().pid());
        long end = System.currentTimeMillis() + Long.parseLong(args[1]) * 1000L;
        while (System.currentTimeMillis() < end) {
          String owner = factory.fromTransaction(session -> session.find(Account.class, 100L).owner());
          System.out.println("RESULT mybatis=" + mybatisWorkload(sqlSessions) + " owner=" + owner);
          Thread.sleep(200);
        }
        return;
      }
    }
    Thread.sleep(Long.parseLong(System.getProperty("linger", "2500")));
  }

  public static SqlSessionFactory mybatis() throws Exception {
    try (InputStream config = OrmApp.class.getResourceAsStream("/com/acme/orm/mybatis-config.xml")) {
      return new SqlSessionFactoryBuilder().build(config);
    }
  }

  public static SessionFactory hibernate(String url) {
    return new MetadataSources(new StandardServiceRegistryBuilder()
            .applySetting("hibernate.connection.url", url)
            .applySetting("hibernate.connection.username", "sa")
            .applySetting("hibernate.connection.password", "")
            .applySetting("hibernate.hbm2ddl.auto", "create-drop")
            .build())
        .addResource("com/acme/orm/orm.xml")
        .buildMetadata()
        .buildSessionFactory();
  }

  static String mybatisWorkload(SqlSessionFactory factory) throws Exception {
    try (SqlSession session = factory.openSession(true)) {
      try (var ddl = session.getConnection().createStatement()) {
        ddl.execute("create table if not exists T_CUST (CUST_ID int primary key, C_NM varchar(40), C_STAT char(1))");
        ddl.execute("delete from T_CUST");
      }
      CustomerMapper mapper = session.getMapper(CustomerMapper.class);
      mapper.insert(new Customer(1, "Ada", "A"));
      mapper.insert(new Customer(2, "Bob", "B"));
      Customer found = mapper.findActive(1);
      return found.name + "/" + mapper.countBlocked() + "/" + mapper.search(null).size();
    }
  }

  static String hibernateWorkload(SessionFactory factory) {
    factory.inTransaction(session -> {
      Branch branch = new Branch(7, "Nord");
      session.persist(branch);
      Label vip = new Label(1, "VIP");
      session.persist(vip);
      Account account = new Account(100L, "Ada", "A", branch);
      account.labels().add(vip);
      session.persist(account);
      session.persist(new Entry(100L, 1, 250L));
    });
    return factory.fromTransaction(session -> {
      Account account = session.find(Account.class, 100L);
      return account.owner() + "/" + account.branch().name() + "/" + account.labels().size();
    });
  }
}
