package javax.servlet.http;

/** Test stand-in for the servlet base class the agent instruments by name. */
public abstract class HttpServlet {
  protected void service(HttpServletRequest request, Object response) throws Exception {
    if ("GET".equals(request.getMethod())) {
      doGet(request, response);
    }
  }

  protected void doGet(HttpServletRequest request, Object response) throws Exception {}
}
