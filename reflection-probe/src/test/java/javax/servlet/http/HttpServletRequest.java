package javax.servlet.http;

/** Test stand-in: the agent reads requests reflectively through these method names. */
public interface HttpServletRequest {
  String getMethod();

  String getServletPath();

  String getPathInfo();
}
