package com.acme.shop.model;

import javax.persistence.Entity;
import javax.persistence.Id;

@Entity
public class Tag {
  @Id
  long tagId;

  String label;
}
