package com.acme.orm;

import java.util.HashSet;
import java.util.Set;

/** A branch, mapped only by orm.xml. */
public class Branch {
  private int id;
  private String name;
  private Address address;
  private Set<Account> accounts = new HashSet<>();

  public Branch() {}

  public Branch(int id, String name) {
    this.id = id;
    this.name = name;
    this.address = new Address("Hauptstr. 1", "Kiel");
  }

  public String name() {
    return name;
  }
}
