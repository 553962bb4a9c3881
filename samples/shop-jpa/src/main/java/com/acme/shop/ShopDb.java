package com.acme.shop;

import com.acme.shop.model.Adr;
import com.acme.shop.model.Art;
import com.acme.shop.model.Best;
import com.acme.shop.model.BestPos;
import com.acme.shop.model.Knd;
import com.acme.shop.model.Tag;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Random;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;

/** Boots Hibernate (schema by hbm2ddl "update", so restarts keep data) and seeds empty databases. */
public final class ShopDb {
  public static final int CUSTOMERS = 40;
  public static final int ARTICLES = 30;
  public static final int ORDERS = 100;
  public static final String FIRST_CUSTOMER_NAME = "MUELLER & SOEHNE GMBH";

  private static final String[] TAGS = {"EXPRESS", "GESCHENK", "ABHOLUNG", "NACHNAHME", "B2B"};
  private static final String[] NM_A = {"MEIER", "SCHULZ", "BAUER", "KOCH", "WOLF", "RICHTER"};
  private static final String[] NM_B = {"GMBH", "KG", "AG", "OHG", "E.K."};
  private static final String[] ORTE = {"BREMEN", "DRESDEN", "ESSEN", "MAINZ", "ULM"};

  private ShopDb() {}

  /**
   * For MariaDB the database named {@code dbName} is created if missing and used instead of the
   * one in the URL; other URLs are used as given.
   */
  public static EntityManagerFactory open(String url, String user, String pwd, String dbName)
      throws SQLException {
    String effective = url;
    if (url.startsWith("jdbc:mariadb:") && dbName != null) {
      try (Connection c = DriverManager.getConnection(url, user, pwd);
          Statement st = c.createStatement()) {
        st.executeUpdate("CREATE DATABASE IF NOT EXISTS " + dbName);
      }
      int q = url.indexOf('?');
      String head = q < 0 ? url : url.substring(0, q);
      String tail = q < 0 ? "" : url.substring(q);
      int slash = head.indexOf('/', "jdbc:mariadb://".length());
      effective = (slash < 0 ? head : head.substring(0, slash)) + "/" + dbName + tail;
    }
    EntityManagerFactory emf =
        new HibernatePersistenceConfiguration("shop")
            .managedClasses(Knd.class, Adr.class, Art.class, Tag.class, Best.class, BestPos.class)
            .jdbcUrl(effective)
            .jdbcCredentials(user, pwd == null ? "" : pwd)
            .jdbcPoolSize(10)
            .schemaToolingAction(Action.UPDATE)
            .showSql(false, false, false)
            .createEntityManagerFactory();
    seedIfEmpty(emf);
    return emf;
  }

  private static void seedIfEmpty(EntityManagerFactory emf) {
    EntityManager em = emf.createEntityManager();
    try {
      long n = em.createQuery("select count(k) from Knd k", Long.class).getSingleResult();
      if (n > 0) {
        return;
      }
      em.getTransaction().begin();
      seed(em);
      em.getTransaction().commit();
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  private static void seed(EntityManager em) {
    Random rnd = new Random(4711);
    Tag[] tags = new Tag[TAGS.length];
    for (int i = 0; i < TAGS.length; i++) {
      tags[i] = new Tag();
      tags[i].nr = i + 1;
      tags[i].bez = TAGS[i];
      em.persist(tags[i]);
    }
    Art[] arts = new Art[ARTICLES];
    for (int i = 0; i < ARTICLES; i++) {
      arts[i] = new Art();
      arts[i].nr = 1001 + i;
      arts[i].bez = "ARTIKEL " + String.format("%03d", i + 1);
      arts[i].prs = BigDecimal.valueOf(199 + rnd.nextInt(20000), 2);
      arts[i].sts = (i + 1) % 10 == 0 ? "X" : "V";
      em.persist(arts[i]);
    }
    Knd[] knds = new Knd[CUSTOMERS];
    for (int i = 0; i < CUSTOMERS; i++) {
      Knd k = new Knd();
      k.nm = i == 0 ? FIRST_CUSTOMER_NAME : NM_A[i % NM_A.length] + " " + NM_B[i % NM_B.length]
          + " " + (i + 1);
      k.sts = (i + 1) % 9 == 0 ? "S" : (i + 1) % 13 == 0 ? "I" : "A";
      k.rbt = (i % 4) * 5;
      em.persist(k);
      knds[i] = k;
      Adr a = new Adr();
      a.knd = k;
      a.art = "R";
      a.str = "RINGSTR. " + (1 + rnd.nextInt(99));
      a.plz = String.format("%05d", 10000 + rnd.nextInt(80000));
      a.ort = ORTE[rnd.nextInt(ORTE.length)];
      em.persist(a);
    }
    LocalDate base = LocalDate.of(2024, 3, 1);
    for (int o = 0; o < ORDERS; o++) {
      Best b = new Best();
      b.knd = knds[rnd.nextInt(CUSTOMERS)];
      b.dt = base.plusDays(o);
      b.sts = o % 15 == 0 ? "S" : o < 70 ? "G" : "O";
      b.sum = BigDecimal.ZERO;
      int lines = 1 + rnd.nextInt(4);
      for (int l = 1; l <= lines; l++) {
        BestPos p = new BestPos();
        p.best = b;
        p.id.posNr = l;
        p.art = arts[rnd.nextInt(ARTICLES)];
        p.menge = 1 + rnd.nextInt(6);
        p.prs = p.art.prs.multiply(BigDecimal.valueOf(p.menge));
        b.sum = b.sum.add(p.prs);
        b.pos.add(p);
      }
      int nt = rnd.nextInt(3);
      for (int t = 0; t < nt; t++) {
        b.tags.add(tags[rnd.nextInt(tags.length)]);
      }
      em.persist(b);
    }
  }
}
