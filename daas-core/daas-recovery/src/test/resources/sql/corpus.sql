-- Corpus of SQL templates for StatementAnalysis and the parser comparison (ADR 0006).
-- Each entry: "## id dialect", the statement, then expectations ("=> join A.x=B.y & A.z=B.w",
-- "=> nojoin", "=> unparsed", "=> filter T.C", "=> written T.C"). Tables of schema public are
-- written without it. The catalog is TestingCatalogs.corpus().

## simple-alias pg
select c.C_NM, c.C_STAT from T_CUST c where c.CUST_ID = ?
=> nojoin
=> filter T_CUST.CUST_ID

## explicit-join pg
select o.ORD_NO, c.C_NM from T_ORD o join T_CUST c on o.CUST_ID = c.CUST_ID where o.ORD_DT > ?
=> join T_ORD.CUST_ID=T_CUST.CUST_ID
=> filter T_ORD.ORD_DT

## implicit-join-where pg
select o.ORD_NO from T_ORD o, T_CUST c where c.CUST_ID = o.CUST_ID and c.C_STAT = ?
=> join T_ORD.CUST_ID=T_CUST.CUST_ID
=> filter T_CUST.C_STAT

## no-alias-qualified-by-table pg
select T_ORD.ORD_NO from T_ORD, T_CUST where T_ORD.CUST_ID = T_CUST.CUST_ID
=> join T_ORD.CUST_ID=T_CUST.CUST_ID

## unqualified-unambiguous pg
select ORD_DT, C_NM from T_ORD o join T_CUST c on o.CUST_ID = c.CUST_ID where C_STAT = ?
=> join T_ORD.CUST_ID=T_CUST.CUST_ID
=> filter T_CUST.C_STAT

## unqualified-join-columns pg
select P_NM from T_ORD_LN, T_PROD where T_ORD_LN.PROD_ID = T_PROD.PROD_ID and QTY > ?
=> join T_ORD_LN.PROD_ID=T_PROD.PROD_ID
=> filter T_ORD_LN.QTY

## unqualified-both-sides pg
select P_NM from T_PROD, T_CAT where CAT_NM = ? and T_PROD.CAT_ID = T_CAT.CAT_ID
=> join T_PROD.CAT_ID=T_CAT.CAT_ID

## using pg
select * from T_ORD_LN l join T_PROD p using (PROD_ID)
=> join T_ORD_LN.PROD_ID=T_PROD.PROD_ID

## using-composite pg
select s.SHIP_DT from T_SHIP s join T_ORD_LN l using (ORD_NO, LN_NO)
=> join T_ORD_LN.ORD_NO=T_SHIP.ORD_NO & T_ORD_LN.LN_NO=T_SHIP.LN_NO

## natural-join pg
select * from T_SUPP natural join T_PROD_SUPP
=> join T_PROD_SUPP.SUPP_ID=T_SUPP.SUPP_ID

## composite-on pg
select s.SHIP_DT from T_SHIP s join T_ORD_LN l on l.ORD_NO = s.ORD_NO and l.LN_NO = s.LN_NO where l.QTY > ?
=> join T_ORD_LN.ORD_NO=T_SHIP.ORD_NO & T_ORD_LN.LN_NO=T_SHIP.LN_NO

## three-way pg
select c.C_NM, l.QTY from T_CUST c join T_ORD o on o.CUST_ID = c.CUST_ID join T_ORD_LN l on l.ORD_NO = o.ORD_NO
=> join T_ORD.CUST_ID=T_CUST.CUST_ID
=> join T_ORD.ORD_NO=T_ORD_LN.ORD_NO

## left-join pg
select c.C_NM, r.REG_NM from T_CUST c left outer join T_REG r on r.REG_CD = c.REG_CD
=> join T_CUST.REG_CD=T_REG.REG_CD

## self-join pg
select e.E_NM, m.E_NM from T_EMP e join T_EMP m on e.MGR_ID = m.EMP_ID
=> join T_EMP.EMP_ID=T_EMP.MGR_ID

## self-join-tree pg
select c.CAT_NM from T_CAT c, T_CAT p where c.PARENT_CAT_ID = p.CAT_ID and p.CAT_NM = ?
=> join T_CAT.CAT_ID=T_CAT.PARENT_CAT_ID

## two-keys-same-table pg
select c1.C_NM, c2.C_NM from T_ORD o join T_CUST c1 on c1.CUST_ID = o.CUST_ID join T_CUST c2 on c2.CUST_ID = o.BILL_CUST_ID
=> join T_ORD.CUST_ID=T_CUST.CUST_ID
=> join T_ORD.BILL_CUST_ID=T_CUST.CUST_ID

## link-table pg
select p.P_NM, s.S_NM from T_PROD p join T_PROD_SUPP ps on ps.PROD_ID = p.PROD_ID join T_SUPP s on s.SUPP_ID = ps.SUPP_ID
=> join T_PROD.PROD_ID=T_PROD_SUPP.PROD_ID
=> join T_PROD_SUPP.SUPP_ID=T_SUPP.SUPP_ID

## exists-correlated pg
select c.C_NM from T_CUST c where exists (select 1 from T_ORD o where o.CUST_ID = c.CUST_ID and o.STAT_CD = ?)
=> join T_ORD.CUST_ID=T_CUST.CUST_ID
=> filter T_ORD.STAT_CD

## correlated-unqualified-outer pg
select C_NM from T_CUST where exists (select 1 from T_ORD where T_ORD.CUST_ID = T_CUST.CUST_ID)
=> join T_ORD.CUST_ID=T_CUST.CUST_ID

## correlated-scalar pg
select c.C_NM, (select count(*) from T_ORD o where o.CUST_ID = c.CUST_ID) as n from T_CUST c
=> join T_ORD.CUST_ID=T_CUST.CUST_ID

## in-subquery pg
select c.C_NM from T_CUST c where c.CUST_ID in (select o.CUST_ID from T_ORD o where o.ORD_DT > ?)
=> join T_ORD.CUST_ID=T_CUST.CUST_ID

## in-subquery-unqualified pg
select C_NM from T_CUST where REG_CD in (select REG_CD from T_REG where REG_NM like ?)
=> join T_CUST.REG_CD=T_REG.REG_CD
=> filter T_REG.REG_NM

## not-in-subquery pg
select P_NM from T_PROD where PROD_ID not in (select PROD_ID from T_ORD_LN)
=> join T_ORD_LN.PROD_ID=T_PROD.PROD_ID

## derived-table pg
select c.C_NM, x.n from T_CUST c join (select o.CUST_ID as cid, count(*) as n from T_ORD o group by o.CUST_ID) x on x.cid = c.CUST_ID
=> join T_ORD.CUST_ID=T_CUST.CUST_ID

## cte pg
with big as (select ORD_NO, CUST_ID from T_ORD where ORD_DT > ?) select c.C_NM from big b join T_CUST c on c.CUST_ID = b.CUST_ID
=> join T_ORD.CUST_ID=T_CUST.CUST_ID

## cte-column-list pg
with l (o, p) as (select ORD_NO, PROD_ID from T_ORD_LN) select p.P_NM from l join T_PROD p on p.PROD_ID = l.p
=> join T_ORD_LN.PROD_ID=T_PROD.PROD_ID

## union pg
select c.C_NM from T_CUST c join T_REG r on r.REG_CD = c.REG_CD union all select s.S_NM from T_SUPP s where s.SUPP_ID = ?
=> join T_CUST.REG_CD=T_REG.REG_CD
=> filter T_SUPP.SUPP_ID

## noise-status-join pg
select o.ORD_NO, c.C_NM from T_ORD o join T_CUST c on c.C_STAT = o.STAT_CD
=> join T_CUST.C_STAT=T_ORD.STAT_CD

## noise-date-join pg
select o.ORD_NO from T_ORD o, T_SHIP s where s.SHIP_DT = o.ORD_DT
=> join T_ORD.ORD_DT=T_SHIP.SHIP_DT

## same-row-comparison pg
select e.E_NM from T_EMP e where e.MGR_ID = e.EMP_ID
=> nojoin

## function-not-join pg
select c.C_NM from T_CUST c join T_REG r on upper(r.REG_CD) = upper(c.REG_CD)
=> nojoin

## dollar-params pg
select o.ORD_NO from T_ORD o join T_CUST c on c.CUST_ID = o.CUST_ID where c.C_NM = $1 and o.ORD_DT < $2
=> join T_ORD.CUST_ID=T_CUST.CUST_ID
=> filter T_CUST.C_NM

## double-quoted pg
select "c"."C_NM" from "public"."T_CUST" "c" join "public"."T_ORD" "o" on "o"."CUST_ID" = "c"."CUST_ID"
=> join T_ORD.CUST_ID=T_CUST.CUST_ID

## lower-case-names pg
select o.ord_no from t_ord o join t_cust c on c.cust_id = o.cust_id
=> join T_ORD.CUST_ID=T_CUST.CUST_ID

## pg-cast-and-limit pg
select o.ORD_NO::text from T_ORD o join T_ORD_LN l on l.ORD_NO = o.ORD_NO order by o.ORD_DT desc limit ? offset ?
=> join T_ORD.ORD_NO=T_ORD_LN.ORD_NO

## pg-ilike-any pg
select c.C_NM from T_CUST c join T_REG r on r.REG_CD = c.REG_CD where c.C_NM ilike ? and c.CUST_ID = any(?)
=> join T_CUST.REG_CD=T_REG.REG_CD

## pg-update-from pg
update T_ORD_LN set QTY = ? from T_ORD o where o.ORD_NO = T_ORD_LN.ORD_NO and o.STAT_CD = ?
=> join T_ORD.ORD_NO=T_ORD_LN.ORD_NO
=> written T_ORD_LN.QTY

## pg-delete-using pg
delete from T_SHIP s using T_ORD o where o.ORD_NO = s.ORD_NO and o.STAT_CD = ?
=> join T_ORD.ORD_NO=T_SHIP.ORD_NO

## pg-upsert pg
insert into T_CUST (CUST_ID, C_NM) values (?, ?) on conflict (CUST_ID) do update set C_NM = excluded.C_NM
=> nojoin
=> written T_CUST.C_NM

## insert-columns pg
insert into T_ORD (ORD_NO, CUST_ID, ORD_DT) values (?, ?, ?)
=> nojoin
=> written T_ORD.CUST_ID

## insert-select pg
insert into T_SHIP (SHIP_ID, ORD_NO, LN_NO) select ?, l.ORD_NO, l.LN_NO from T_ORD_LN l join T_ORD o on o.ORD_NO = l.ORD_NO where o.STAT_CD = ?
=> join T_ORD.ORD_NO=T_ORD_LN.ORD_NO
=> written T_SHIP.LN_NO

## update-subquery pg
update T_CUST set C_STAT = ? where CUST_ID in (select CUST_ID from T_ORD where ORD_DT < ?)
=> join T_CUST.CUST_ID=T_ORD.CUST_ID
=> written T_CUST.C_STAT

## schema-qualified pg
select n.TXT from sales.T_NOTE n join T_CUST c on c.CUST_ID = n.CUST_ID
=> join sales.T_NOTE.CUST_ID=T_CUST.CUST_ID

## mysql-backticks mysql
select `o`.`ORD_NO` from `T_ORD` `o` inner join `T_CUST` `c` on `c`.`CUST_ID` = `o`.`CUST_ID` where `c`.`C_STAT` = ?
=> join T_ORD.CUST_ID=T_CUST.CUST_ID

## mysql-db-qualified mysql
select o.ORD_NO from `public`.`T_ORD` o join `public`.`T_ORD_LN` l on l.ORD_NO = o.ORD_NO
=> join T_ORD.ORD_NO=T_ORD_LN.ORD_NO

## mysql-limit-comma mysql
select c.C_NM from T_CUST c straight_join T_ORD o on o.CUST_ID = c.CUST_ID limit ?, ?
=> join T_ORD.CUST_ID=T_CUST.CUST_ID

## mysql-multi-table-update mysql
update T_ORD o join T_CUST c on c.CUST_ID = o.CUST_ID set o.STAT_CD = ? where c.C_STAT = ?
=> join T_ORD.CUST_ID=T_CUST.CUST_ID
=> written T_ORD.STAT_CD

## mysql-multi-table-delete mysql
delete l from T_ORD_LN l join T_ORD o on o.ORD_NO = l.ORD_NO where o.ORD_DT < ?
=> join T_ORD.ORD_NO=T_ORD_LN.ORD_NO

## mysql-on-duplicate mysql
insert into T_PROD_SUPP (PROD_ID, SUPP_ID) values (?, ?) on duplicate key update SUPP_ID = ?
=> nojoin
=> written T_PROD_SUPP.SUPP_ID

## mysql-digest-in-list mysql
SELECT `c`.`C_NM` FROM `T_CUST` `c` JOIN `T_ORD` `o` ON `o`.`CUST_ID` = `c`.`CUST_ID` WHERE `o`.`STAT_CD` IN (...)
=> join T_ORD.CUST_ID=T_CUST.CUST_ID
=> filter T_ORD.STAT_CD

## nested-join-parentheses pg
select c.C_NM from (T_CUST c join T_ORD o on o.CUST_ID = c.CUST_ID) join T_ORD_LN l on l.ORD_NO = o.ORD_NO
=> join T_ORD.CUST_ID=T_CUST.CUST_ID
=> join T_ORD.ORD_NO=T_ORD_LN.ORD_NO

## lateral pg
select c.C_NM, x.ORD_NO from T_CUST c cross join lateral (select o.ORD_NO from T_ORD o where o.CUST_ID = c.CUST_ID order by o.ORD_DT desc limit 1) x
=> join T_ORD.CUST_ID=T_CUST.CUST_ID

## unknown-table pg
select a.X from T_AUDIT a join T_CUST c on c.CUST_ID = a.CUST_ID
=> nojoin

## ambiguous-unqualified pg
select C_NM from T_CUST c join T_ORD o on CUST_ID = CUST_ID
=> nojoin

## ddl pg
create table T_TMP (ID int)
=> unparsed

## garbage pg
selec * frm T_CUST where
=> unparsed

## tsql-top pg
select top 10 c.C_NM from T_CUST c join T_ORD o on o.CUST_ID = c.CUST_ID
=> unparsed

## oracle-connect-by pg
select e.E_NM from T_EMP e start with e.MGR_ID is null connect by prior e.EMP_ID = e.MGR_ID
=> unparsed

## call pg
call refresh_stats(?)
=> unparsed
