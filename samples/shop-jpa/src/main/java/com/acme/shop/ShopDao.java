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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** JPQL access used by the servlets; results are returned as plain maps for JSON output. */
public final class ShopDao {
  /** An order that cannot be accepted for business reasons. */
  public static final class Rejected extends Exception {
    public Rejected(String msg) {
      super(msg);
    }
  }

  private final EntityManagerFactory emf;

  public ShopDao(EntityManagerFactory emf) {
    this.emf = emf;
  }

  private <T> T inEm(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    try {
      return work.apply(em);
    } finally {
      em.close();
    }
  }

  public List<Map<String, Object>> customers(String sts) {
    return inEm(
        em -> {
          List<Knd> ks =
              sts == null
                  ? em.createQuery("select k from Knd k order by k.nr", Knd.class).getResultList()
                  : em.createQuery(
                          "select k from Knd k where k.sts = :sts order by k.nr", Knd.class)
                      .setParameter("sts", sts)
                      .getResultList();
          List<Map<String, Object>> out = new ArrayList<>();
          for (Knd k : ks) {
            out.add(knd(k));
          }
          return out;
        });
  }

  public Map<String, Object> customer(long nr) {
    return inEm(
        em -> {
          Knd k = em.find(Knd.class, nr);
          if (k == null) {
            return null;
          }
          Map<String, Object> m = knd(k);
          List<Map<String, Object>> adr = new ArrayList<>();
          for (Adr a :
              em.createQuery("select a from Adr a where a.knd.nr = :nr order by a.nr", Adr.class)
                  .setParameter("nr", nr)
                  .getResultList()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("adr_art", a.art);
            am.put("str", a.str);
            am.put("plz", a.plz);
            am.put("ort", a.ort);
            adr.add(am);
          }
          m.put("adr", adr);
          List<Object[]> stats =
              em.createQuery(
                      "select count(b), coalesce(sum(b.sum), 0) from Best b where b.knd.nr = :nr",
                      Object[].class)
                  .setParameter("nr", nr)
                  .getResultList();
          m.put("best_anz", stats.get(0)[0]);
          m.put("best_sum", stats.get(0)[1]);
          return m;
        });
  }

  public Map<String, Object> order(long nr) {
    return inEm(
        em -> {
          List<Best> found =
              em.createQuery(
                      "select distinct b from Best b join fetch b.knd"
                          + " left join fetch b.pos p left join fetch p.art where b.nr = :nr",
                      Best.class)
                  .setParameter("nr", nr)
                  .getResultList();
          if (found.isEmpty()) {
            return null;
          }
          Best b = found.get(0);
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("best_nr", b.nr);
          m.put("best_dt", b.dt == null ? null : b.dt.toString());
          m.put("best_sts", b.sts);
          m.put("best_sum", b.sum);
          m.put("knd_nr", b.knd.nr);
          m.put("knd_nm", b.knd.nm);
          List<Map<String, Object>> pos = new ArrayList<>();
          for (BestPos p : b.pos) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("pos_nr", p.id.posNr);
            pm.put("art_nr", p.art.nr);
            pm.put("art_bez", p.art.bez);
            pm.put("menge", p.menge);
            pm.put("pos_prs", p.prs);
            pos.add(pm);
          }
          m.put("pos", pos);
          m.put(
              "tags",
              em.createQuery(
                      "select t.bez from Best b join b.tags t where b.nr = :nr order by t.bez",
                      String.class)
                  .setParameter("nr", nr)
                  .getResultList());
          return m;
        });
  }

  /** Creates an order with its lines and tags in one transaction; returns the order number. */
  public long create(long kndNr, int[] art, int[] menge, int[] tagNr) throws Rejected {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      Knd k = em.find(Knd.class, kndNr);
      if (k == null) {
        throw new Rejected("customer " + kndNr + " does not exist");
      }
      if (!"A".equals(k.sts)) {
        throw new Rejected("customer " + kndNr + " is not active (status must be A)");
      }
      Best b = new Best();
      b.knd = k;
      b.dt = LocalDate.now();
      b.sts = "O";
      b.sum = BigDecimal.ZERO;
      for (int i = 0; i < art.length; i++) {
        Art a = em.find(Art.class, art[i]);
        if (a == null || !"V".equals(a.sts)) {
          throw new Rejected("article " + art[i] + " does not exist or is not sellable");
        }
        BestPos p = new BestPos();
        p.best = b;
        p.id.posNr = i + 1;
        p.art = a;
        p.menge = menge[i];
        p.prs = a.prs.multiply(BigDecimal.valueOf(menge[i]));
        b.sum = b.sum.add(p.prs);
        b.pos.add(p);
      }
      for (int t : tagNr) {
        Tag tag = em.find(Tag.class, t);
        if (tag == null) {
          throw new Rejected("tag " + t + " does not exist");
        }
        b.tags.add(tag);
      }
      em.persist(b);
      em.getTransaction().commit();
      return b.nr;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  private static Map<String, Object> knd(Knd k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("knd_nr", k.nr);
    m.put("knd_nm", k.nm);
    m.put("knd_sts", k.sts);
    m.put("knd_rbt", k.rbt);
    return m;
  }
}
