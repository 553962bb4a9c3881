package com.acme.orm;

/** An embeddable address of a branch, mapped only by orm.xml. */
public class Address {
  private String street;
  private String city;

  public Address() {}

  public Address(String street, String city) {
    this.street = street;
    this.city = city;
  }
}
