package com.acme.legacy;

import javax.ws.rs.GET;
import javax.ws.rs.Path;

/** A JAX-RS style resource for the route unit test. */
@Path("orders")
public class OrderResource {
  @GET
  @Path("{no}/lines")
  public String lines(String no) {
    return no;
  }

  public String helper() {
    return "";
  }
}
