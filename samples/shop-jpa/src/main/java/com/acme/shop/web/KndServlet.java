package com.acme.shop.web;

import com.acme.shop.ShopDao;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** GET /customers[?sts=A] and GET /customers/{nr}. */
public final class KndServlet extends BaseServlet {
  private static final long serialVersionUID = 1L;
  private final transient ShopDao dao;

  public KndServlet(ShopDao dao) {
    this.dao = dao;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String[] p = parts(req.getPathInfo());
    if (p.length == 0) {
      String sts = req.getParameter("sts");
      if (sts != null && !sts.matches("[ASI]")) {
        error(resp, 400, "sts must be one of A, S, I, was: " + sts);
        return;
      }
      json(resp, 200, dao.customers(sts));
      return;
    }
    Integer nr = p.length == 1 ? toInt(p[0]) : null;
    if (nr == null) {
      error(resp, 404, "no such page");
      return;
    }
    Map<String, Object> k = dao.customer(nr);
    if (k == null) {
      error(resp, 404, "customer " + nr + " not found");
      return;
    }
    json(resp, 200, k);
  }
}
