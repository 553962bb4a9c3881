package com.acme.erp.web;

import com.acme.erp.dao.OrdDao;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;

/** GET /reports/revenue. */
public final class RptServlet extends BaseServlet {
  private static final long serialVersionUID = 1L;
  private final transient OrdDao dao;

  public RptServlet(OrdDao dao) {
    this.dao = dao;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!"/revenue".equals(req.getPathInfo())) {
      error(resp, 404, "no such report");
      return;
    }
    try {
      json(resp, 200, dao.revenue());
    } catch (SQLException e) {
      error(resp, 500, "database error: " + e.getSQLState());
    }
  }
}
