package com.acme.shop.web;

import com.acme.shop.ShopDao;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /orders/{nr}; POST /orders with form fields knd, art/menge pairs and optional tag. */
public final class BestServlet extends BaseServlet {
  private static final long serialVersionUID = 1L;
  private final transient ShopDao dao;

  public BestServlet(ShopDao dao) {
    this.dao = dao;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String[] p = parts(req.getPathInfo());
    Integer nr = p.length == 1 ? toInt(p[0]) : null;
    if (nr == null) {
      error(resp, 404, "no such page");
      return;
    }
    Map<String, Object> b = dao.order(nr);
    if (b == null) {
      error(resp, 404, "order " + nr + " not found");
      return;
    }
    json(resp, 200, b);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (parts(req.getPathInfo()).length != 0) {
      error(resp, 404, "no such page");
      return;
    }
    Integer knd = toInt(req.getParameter("knd"));
    String[] art = req.getParameterValues("art");
    String[] menge = req.getParameterValues("menge");
    String[] tag = req.getParameterValues("tag");
    if (knd == null || art == null || menge == null || art.length != menge.length
        || art.length > 50) {
      error(resp, 400, "expected form fields knd, and 1 to 50 pairs of art and menge");
      return;
    }
    int[] a = new int[art.length];
    int[] m = new int[art.length];
    int[] t = new int[tag == null ? 0 : tag.length];
    for (int i = 0; i < art.length; i++) {
      Integer ai = toInt(art[i]);
      Integer mi = toInt(menge[i]);
      if (ai == null || mi == null || mi < 1) {
        error(resp, 400, "art must be a number and menge a positive number, line " + (i + 1));
        return;
      }
      a[i] = ai;
      m[i] = mi;
    }
    for (int i = 0; i < t.length; i++) {
      Integer ti = toInt(tag[i]);
      if (ti == null) {
        error(resp, 400, "tag must be a number, was: " + tag[i]);
        return;
      }
      t[i] = ti;
    }
    try {
      long nr = dao.create(knd, a, m, t);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("best_nr", nr);
      resp.setHeader("Location", "/orders/" + nr);
      json(resp, 201, body);
    } catch (ShopDao.Rejected e) {
      error(resp, 409, e.getMessage());
    }
  }
}
