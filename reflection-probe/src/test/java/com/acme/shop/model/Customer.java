package com.acme.shop.model;

import java.util.List;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.OneToMany;
import javax.persistence.Table;

@Entity
@Table(name = "KND")
public class Customer {
  @Id
  @Column(name = "KND_ID")
  long id;

  @Column(name = "KND_NM")
  String name;

  @OneToMany(mappedBy = "customer")
  List<Order> orders;

  static int instances;
  transient String cache;
}
