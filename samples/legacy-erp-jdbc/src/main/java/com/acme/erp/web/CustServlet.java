package com.acme.erp.web;

import com.acme.erp.dao.CustDao;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** /customers, /customers/{id}, /customers/{id}/orders, POST /customers/{id}/block. */
public final class CustServlet extends BaseServlet {
  private static final long serialVersionUID = 1L;
  private final transient CustDao dao;

  public CustServlet(CustDao dao) {
    this.dao = dao;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String[] p = parts(req.getPathInfo());
    try {
      if (p.length == 0) {
        String stat = req.getParameter("stat");
        if (stat != null && !stat.matches("[AIB]")) {
          error(resp, 400, "stat must be one of A, I, B, was: " + stat);
          return;
        }
        json(resp, 200, dao.list(stat));
        return;
      }
      Integer id = toInt(p[0]);
      if (id == null || p.length > 2 || (p.length == 2 && !p[1].equals("orders"))) {
        error(resp, 404, "no such page");
        return;
      }
      Object body = p.length == 1 ? dao.find(id) : dao.orders(id);
      if (body == null) {
        error(resp, 404, "customer " + id + " not found");
        return;
      }
      json(resp, 200, body);
    } catch (SQLException e) {
      error(resp, 500, "database error: " + e.getSQLState());
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String[] p = parts(req.getPathInfo());
    Integer id = p.length == 2 ? toInt(p[0]) : null;
    if (id == null || !p[1].equals("block")) {
      error(resp, 404, "no such page");
      return;
    }
    try {
      if (!dao.block(id)) {
        error(resp, 404, "customer " + id + " not found");
        return;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("cust_id", id);
      m.put("c_stat", "B");
      json(resp, 200, m);
    } catch (SQLException e) {
      error(resp, 500, "database error: " + e.getSQLState());
    }
  }

}
