package com.acme.erp.web;

import com.acme.erp.dao.OrdDao;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET /orders/{no}; POST /orders with a form body {@code cust=1&prd=3&qty=2&prd=7&qty=1} (the
 * original front end posted HTML forms).
 */
public final class OrdServlet extends BaseServlet {
  private static final long serialVersionUID = 1L;
  private final transient OrdDao dao;

  public OrdServlet(OrdDao dao) {
    this.dao = dao;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String[] p = parts(req.getPathInfo());
    Integer no = p.length == 1 ? toInt(p[0]) : null;
    if (no == null) {
      error(resp, 404, "no such page");
      return;
    }
    try {
      Map<String, Object> ord = dao.find(no);
      if (ord == null) {
        error(resp, 404, "order " + no + " not found");
        return;
      }
      json(resp, 200, ord);
    } catch (SQLException e) {
      error(resp, 500, "database error: " + e.getSQLState());
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (parts(req.getPathInfo()).length != 0) {
      error(resp, 404, "no such page");
      return;
    }
    Integer cust = toInt(req.getParameter("cust"));
    String[] prd = req.getParameterValues("prd");
    String[] qty = req.getParameterValues("qty");
    if (cust == null || prd == null || qty == null || prd.length != qty.length || prd.length > 50) {
      error(resp, 400, "expected form fields cust, and 1 to 50 pairs of prd and qty");
      return;
    }
    int[] p = new int[prd.length];
    int[] q = new int[qty.length];
    for (int i = 0; i < prd.length; i++) {
      Integer pi = toInt(prd[i]);
      Integer qi = toInt(qty[i]);
      if (pi == null || qi == null || qi < 1) {
        error(resp, 400, "prd must be a number and qty a positive number, line " + (i + 1));
        return;
      }
      p[i] = pi;
      q[i] = qi;
    }
    try {
      int no = dao.create(cust, p, q);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ord_no", no);
      resp.setHeader("Location", "/orders/" + no);
      json(resp, 201, m);
    } catch (OrdDao.Rejected e) {
      error(resp, 409, e.getMessage());
    } catch (SQLException e) {
      error(resp, 500, "database error: " + e.getSQLState());
    }
  }
}
