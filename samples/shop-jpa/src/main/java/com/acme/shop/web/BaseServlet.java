package com.acme.shop.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared helpers of the hand-written servlets. */
abstract class BaseServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  static void json(HttpServletResponse resp, int status, Object body) throws IOException {
    resp.setStatus(status);
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.getWriter().write(Json.write(body));
  }

  static void error(HttpServletResponse resp, int status, String msg) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", msg);
    json(resp, status, m);
  }

  /** Path parts after the servlet mapping, e.g. "/12/orders" gives ["12", "orders"]. */
  static String[] parts(String pathInfo) {
    if (pathInfo == null || pathInfo.equals("/") || pathInfo.isEmpty()) {
      return new String[0];
    }
    String p = pathInfo.startsWith("/") ? pathInfo.substring(1) : pathInfo;
    return p.split("/");
  }

  static Integer toInt(String s) {
    try {
      return Integer.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
