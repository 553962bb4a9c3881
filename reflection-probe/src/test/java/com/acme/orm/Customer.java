package com.acme.orm;

/** A row of T_CUST as MyBatis maps it. */
public class Customer {
  public int id;
  public String name;
  public String status;

  public Customer() {}

  public Customer(int id, String name, String status) {
    this.id = id;
    this.name = name;
    this.status = status;
  }
}
