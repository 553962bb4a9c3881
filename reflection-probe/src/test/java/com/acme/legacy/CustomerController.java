package com.acme.legacy;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** A Spring MVC style handler: its mapping pattern is the route the probe reports. */
@RequestMapping("/api/customers")
public class CustomerController {
  private final CustomerDao dao;

  public CustomerController(CustomerDao dao) {
    this.dao = dao;
  }

  @GetMapping("/{id}")
  public String show(int id) throws Exception {
    return dao.find(id);
  }
}
