package com.acme.shop.model;

import java.util.Set;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.JoinTable;
import javax.persistence.ManyToMany;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

@Entity(name = "Order")
@Table(name = "BEST")
public class Order {
  @Id
  @Column(name = "BEST_NR")
  long id;

  @Column(name = "BEST_DT")
  java.time.LocalDate placedAt;

  @ManyToOne
  @JoinColumn(name = "KND_ID", referencedColumnName = "KND_ID")
  Customer customer;

  @ManyToMany
  @JoinTable(name = "BEST_TAG", joinColumns = @JoinColumn(name = "BEST_NR"),
      inverseJoinColumns = @JoinColumn(name = "TAG_ID"))
  Set<Tag> tags;
}
