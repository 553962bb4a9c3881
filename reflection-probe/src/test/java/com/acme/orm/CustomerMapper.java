package com.acme.orm;

import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** A MyBatis mapper: statements in CustomerMapper.xml and one by annotation. */
public interface CustomerMapper {
  Customer findActive(int id);

  int insert(Customer customer);

  List<Customer> search(@Param("name") String name);

  @Select("select count(*) from T_CUST where C_STAT = 'B'")
  int countBlocked();
}
