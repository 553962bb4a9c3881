package com.acme.orm;

/** An account, mapped only by orm.xml (no annotations): invisible to annotation scanning. */
public class Account {
  private long number;
  private String owner;
  private String status;
  private Branch branch;
  private java.util.Set<Label> labels = new java.util.HashSet<>();

  public Account() {}

  public Account(long number, String owner, String status, Branch branch) {
    this.number = number;
    this.owner = owner;
    this.status = status;
    this.branch = branch;
  }

  public java.util.Set<Label> labels() {
    return labels;
  }

  public String owner() {
    return owner;
  }

  public Branch branch() {
    return branch;
  }
}
