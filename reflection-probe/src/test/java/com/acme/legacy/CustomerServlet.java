package com.acme.legacy;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;

/** A servlet that serves one customer by id from the path. */
public class CustomerServlet extends HttpServlet {
  private final CustomerDao dao;
  private final CustomerController controller;
  private final String servletPath;
  String lastAnswer;

  public CustomerServlet(CustomerDao dao, String servletPath) {
    this.dao = dao;
    this.controller = new CustomerController(dao);
    this.servletPath = servletPath;
  }

  @Override
  protected void doGet(HttpServletRequest request, Object response) throws Exception {
    int id = Integer.parseInt(request.getPathInfo().substring(request.getPathInfo().lastIndexOf('/') + 1));
    // like a DispatcherServlet: /api goes to the annotated controller
    lastAnswer = servletPath.equals("/api") ? controller.show(id) : dao.find(id);
  }

  /** Serves GET {servletPath}/.../{id} and returns the answer. */
  public String get(int id) throws Exception {
    service(new HttpServletRequest() {
      @Override
      public String getMethod() {
        return "GET";
      }

      @Override
      public String getServletPath() {
        return servletPath;
      }

      @Override
      public String getPathInfo() {
        return servletPath.equals("/api") ? "/customers/" + id : "/" + id;
      }
    }, null);
    return lastAnswer;
  }
}
