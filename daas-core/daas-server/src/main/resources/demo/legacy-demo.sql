-- Bundled demo "legacy ERP" for DaaS (H2 2.x script, executed once with RUNSCRIPT when the
-- server creates jdbc:h2:file:<data-dir>/demo-legacy).
--
-- It imitates what DaaS meets in the field: cryptic upper-case names, single-letter status
-- codes, a code table nobody references, composite keys, a log table without a primary key,
-- nullable foreign keys and a self-reference. Every value is derived from SYSTEM_RANGE with
-- arithmetic only, so each run produces exactly the same rows (tests may rely on them).

-- ---------------------------------------------------------------- schema

CREATE TABLE T_REG (
  REG_CD   CHAR(3)      NOT NULL,
  REG_NM   VARCHAR(60)  NOT NULL,
  CTRY_CD  CHAR(2)      NOT NULL,
  TZ_ID    VARCHAR(40),
  CONSTRAINT PK_REG PRIMARY KEY (REG_CD),
  CONSTRAINT UQ_REG_NM UNIQUE (REG_NM)
);

CREATE TABLE T_ADDR (
  ADDR_ID  INTEGER      NOT NULL,
  STREET   VARCHAR(100) NOT NULL,
  ZIP      VARCHAR(10)  NOT NULL,
  CITY     VARCHAR(60)  NOT NULL,
  REG_CD   CHAR(3)      NOT NULL,
  GEO_LAT  DOUBLE PRECISION,
  GEO_LON  DOUBLE PRECISION,
  CONSTRAINT PK_ADDR PRIMARY KEY (ADDR_ID),
  CONSTRAINT FK_ADDR_REG FOREIGN KEY (REG_CD) REFERENCES T_REG (REG_CD)
);

CREATE TABLE T_EMP (
  EMP_NO    INTEGER       NOT NULL,
  E_NM      VARCHAR(80)   NOT NULL,
  E_MAIL    VARCHAR(120)  NOT NULL,
  MGR_NO    INTEGER,
  REG_CD    CHAR(3)       NOT NULL,
  HIRE_DT   DATE          NOT NULL,
  SHIFT_BEG TIME          NOT NULL,
  SAL       DECIMAL(19,4) NOT NULL,
  ACTV      BOOLEAN       NOT NULL,
  PHOTO     VARBINARY(64),
  CONSTRAINT PK_EMP PRIMARY KEY (EMP_NO),
  CONSTRAINT UQ_EMP_MAIL UNIQUE (E_MAIL),
  CONSTRAINT FK_EMP_MGR FOREIGN KEY (MGR_NO) REFERENCES T_EMP (EMP_NO),
  CONSTRAINT FK_EMP_REG FOREIGN KEY (REG_CD) REFERENCES T_REG (REG_CD)
);

CREATE TABLE T_CUST (
  C_ID        INTEGER       NOT NULL,
  C_NO        VARCHAR(12)   NOT NULL,
  C_NM        VARCHAR(100)  NOT NULL,
  C_STAT      CHAR(1)       NOT NULL,
  C_TYPE      ENUM('RETAIL', 'WHOLESALE', 'GOVERNMENT') NOT NULL,
  ADDR_ID     INTEGER       NOT NULL,
  REP_EMP_NO  INTEGER,
  CRED_LIM    DECIMAL(19,4) NOT NULL,
  DISC_RT     DOUBLE PRECISION,
  CRT_TS      TIMESTAMP     NOT NULL,
  LAST_CNT_TS TIMESTAMP WITH TIME ZONE,
  EXT_REF     UUID          NOT NULL,
  PREFS       JSON,
  NOTES       VARCHAR(400),
  CONSTRAINT PK_CUST PRIMARY KEY (C_ID),
  CONSTRAINT UQ_CUST_NO UNIQUE (C_NO),
  CONSTRAINT UQ_CUST_EXT_REF UNIQUE (EXT_REF),
  CONSTRAINT CK_CUST_STAT CHECK (C_STAT IN ('A', 'I', 'B')),
  CONSTRAINT FK_CUST_ADDR FOREIGN KEY (ADDR_ID) REFERENCES T_ADDR (ADDR_ID),
  CONSTRAINT FK_CUST_REP FOREIGN KEY (REP_EMP_NO) REFERENCES T_EMP (EMP_NO)
);
CREATE INDEX IX_CUST_NM ON T_CUST (C_NM);

CREATE TABLE T_PRD (
  PRD_CD    VARCHAR(12)  NOT NULL,
  PRD_NM    VARCHAR(100) NOT NULL,
  PRD_GRP   CHAR(2)      NOT NULL,
  UOM       VARCHAR(5)   NOT NULL,
  WGT_KG    DOUBLE PRECISION,
  DISCONT   BOOLEAN      NOT NULL,
  SPEC      JSON,
  IMG       BLOB,
  CONSTRAINT PK_PRD PRIMARY KEY (PRD_CD)
);
CREATE INDEX IX_PRD_GRP ON T_PRD (PRD_GRP);

CREATE TABLE T_PRD_PRC (
  PRD_CD     VARCHAR(12)   NOT NULL,
  VALID_FROM DATE          NOT NULL,
  VALID_TO   DATE,
  UNIT_PRC   DECIMAL(19,4) NOT NULL,
  CURR       CHAR(3)       NOT NULL,
  CONSTRAINT PK_PRD_PRC PRIMARY KEY (PRD_CD, VALID_FROM),
  CONSTRAINT FK_PRD_PRC_PRD FOREIGN KEY (PRD_CD) REFERENCES T_PRD (PRD_CD)
);

CREATE TABLE T_ORD_HDR (
  ORD_NO       BIGINT        NOT NULL,
  CUST_ID      INTEGER       NOT NULL,
  ORD_DT       DATE          NOT NULL,
  ORD_TS       TIMESTAMP     NOT NULL,
  O_STAT       CHAR(1)       NOT NULL,
  SHIP_ADDR_ID INTEGER,
  EMP_NO       INTEGER       NOT NULL,
  TOT_AMT      DECIMAL(19,4) NOT NULL,
  RUSH         BOOLEAN       NOT NULL,
  CONSTRAINT PK_ORD_HDR PRIMARY KEY (ORD_NO),
  CONSTRAINT FK_ORD_HDR_CUST FOREIGN KEY (CUST_ID) REFERENCES T_CUST (C_ID),
  CONSTRAINT FK_ORD_HDR_ADDR FOREIGN KEY (SHIP_ADDR_ID) REFERENCES T_ADDR (ADDR_ID),
  CONSTRAINT FK_ORD_HDR_EMP FOREIGN KEY (EMP_NO) REFERENCES T_EMP (EMP_NO)
);
CREATE INDEX IX_ORD_HDR_DT ON T_ORD_HDR (ORD_DT);
CREATE INDEX IX_ORD_HDR_STAT ON T_ORD_HDR (O_STAT, ORD_DT);

CREATE TABLE T_ORD_LN (
  ORD_NO     BIGINT        NOT NULL,
  LN_NO      INTEGER       NOT NULL,
  PRD_CD     VARCHAR(12)   NOT NULL,
  PRC_VALID_FROM DATE      NOT NULL,
  QTY        SMALLINT      NOT NULL,
  UNIT_PRC   DECIMAL(19,4) NOT NULL,
  DISC_PCT   DOUBLE PRECISION NOT NULL,
  LN_AMT     DECIMAL(19,4) NOT NULL,
  CONSTRAINT PK_ORD_LN PRIMARY KEY (ORD_NO, LN_NO),
  CONSTRAINT FK_ORD_LN_HDR FOREIGN KEY (ORD_NO) REFERENCES T_ORD_HDR (ORD_NO),
  CONSTRAINT FK_ORD_LN_PRD FOREIGN KEY (PRD_CD) REFERENCES T_PRD (PRD_CD),
  CONSTRAINT FK_ORD_LN_PRC FOREIGN KEY (PRD_CD, PRC_VALID_FROM)
    REFERENCES T_PRD_PRC (PRD_CD, VALID_FROM)
);

CREATE TABLE T_INV (
  INV_NO   VARCHAR(14)   NOT NULL,
  ORD_NO   BIGINT        NOT NULL,
  INV_DT   DATE          NOT NULL,
  DUE_DT   DATE          NOT NULL,
  INV_AMT  DECIMAL(19,4) NOT NULL,
  TAX_AMT  DECIMAL(19,4) NOT NULL,
  PAID     BOOLEAN       NOT NULL,
  PDF      BLOB,
  CONSTRAINT PK_INV PRIMARY KEY (INV_NO),
  CONSTRAINT UQ_INV_ORD UNIQUE (ORD_NO),
  CONSTRAINT FK_INV_ORD FOREIGN KEY (ORD_NO) REFERENCES T_ORD_HDR (ORD_NO)
);

CREATE TABLE T_PAY (
  PAY_ID   BIGINT        NOT NULL,
  INV_NO   VARCHAR(14)   NOT NULL,
  PAY_TS   TIMESTAMP WITH TIME ZONE NOT NULL,
  PAY_AMT  DECIMAL(19,4) NOT NULL,
  PAY_METH ENUM('CASH', 'CARD', 'TRANSFER', 'CHEQUE') NOT NULL,
  TXN_REF  UUID          NOT NULL,
  CONSTRAINT PK_PAY PRIMARY KEY (PAY_ID),
  CONSTRAINT UQ_PAY_TXN UNIQUE (TXN_REF),
  CONSTRAINT FK_PAY_INV FOREIGN KEY (INV_NO) REFERENCES T_INV (INV_NO)
);

-- Code table of the old application: its values explain C_STAT, O_STAT and ACT_CD, but no
-- foreign key was ever declared to it.
CREATE TABLE T_STAT_CD (
  CD_DOM  VARCHAR(10) NOT NULL,
  CD      CHAR(1)     NOT NULL,
  CD_TXT  VARCHAR(60) NOT NULL,
  CONSTRAINT PK_STAT_CD PRIMARY KEY (CD_DOM, CD)
);

-- Written by triggers of the old application; never had a key and may hold duplicates.
CREATE TABLE T_AUD_LOG (
  LOG_TS  TIMESTAMP   NOT NULL,
  USR_ID  VARCHAR(30) NOT NULL,
  ACT_CD  CHAR(1)     NOT NULL,
  TBL_NM  VARCHAR(30) NOT NULL,
  REC_KEY VARCHAR(40) NOT NULL,
  DETAIL  JSON,
  SRC_IP  VARCHAR(45)
);
CREATE INDEX IX_AUD_LOG_TS ON T_AUD_LOG (LOG_TS);

COMMENT ON TABLE T_CUST IS 'Customer master';
COMMENT ON COLUMN T_CUST.C_NO IS 'Customer number printed on documents';
COMMENT ON COLUMN T_CUST.C_NM IS 'Customer name';
COMMENT ON COLUMN T_CUST.C_STAT IS 'Status: A=active, I=inactive, B=blocked';
COMMENT ON COLUMN T_CUST.CRED_LIM IS 'Credit limit in EUR';
COMMENT ON TABLE T_ORD_HDR IS 'Sales order header';
COMMENT ON COLUMN T_ORD_HDR.O_STAT IS 'Status: N=new, S=shipped, C=closed, X=cancelled';
COMMENT ON COLUMN T_ORD_HDR.SHIP_ADDR_ID IS 'Delivery address; NULL means the customer address';
COMMENT ON TABLE T_ORD_LN IS 'Sales order line';
COMMENT ON TABLE T_PRD IS 'Product catalogue';
COMMENT ON TABLE T_PRD_PRC IS 'Product price history';
COMMENT ON TABLE T_INV IS 'Invoice, one per shipped or closed order';
COMMENT ON TABLE T_AUD_LOG IS 'Audit trail written by the old application';

-- ---------------------------------------------------------------- data

INSERT INTO T_REG (REG_CD, REG_NM, CTRY_CD, TZ_ID) VALUES
  ('NOR', 'Nord', 'DE', 'Europe/Berlin'),
  ('SUD', 'Süd', 'DE', 'Europe/Berlin'),
  ('OST', 'Ost', 'DE', 'Europe/Berlin'),
  ('WES', 'West', 'DE', 'Europe/Berlin'),
  ('ALP', 'Alpen', 'AT', 'Europe/Vienna'),
  ('HEL', 'Helvetia', 'CH', 'Europe/Zurich'),
  ('BEN', 'Benelux', 'NL', 'Europe/Amsterdam'),
  ('SKA', 'Skandinavien', 'DK', NULL);

INSERT INTO T_STAT_CD (CD_DOM, CD, CD_TXT) VALUES
  ('C_STAT', 'A', 'active'),
  ('C_STAT', 'I', 'inactive'),
  ('C_STAT', 'B', 'blocked'),
  ('O_STAT', 'N', 'new'),
  ('O_STAT', 'S', 'shipped'),
  ('O_STAT', 'C', 'closed'),
  ('O_STAT', 'X', 'cancelled'),
  ('ACT_CD', 'I', 'insert'),
  ('ACT_CD', 'U', 'update'),
  ('ACT_CD', 'D', 'delete');

-- 250 addresses: 1..200 belong to the customer with the same id, 201..250 are delivery points.
INSERT INTO T_ADDR (ADDR_ID, STREET, ZIP, CITY, REG_CD, GEO_LAT, GEO_LON)
SELECT X,
       ARRAY['Hauptstraße', 'Bahnhofstr.', 'Industrieweg', 'Am Markt', 'Lindenallee',
             'Gewerbepark', 'Hafenstraße'][1 + MOD(X, 7)] || ' ' || (1 + MOD(X * 13, 120)),
       LPAD(CAST(10000 + MOD(X * 389, 89999) AS VARCHAR), 5, '0'),
       ARRAY['Hamburg', 'München', 'Leipzig', 'Köln', 'Innsbruck', 'Basel', 'Utrecht',
             'Aarhus'][1 + MOD(X, 8)],
       ARRAY['NOR', 'SUD', 'OST', 'WES', 'ALP', 'HEL', 'BEN', 'SKA'][1 + MOD(X, 8)],
       47.0 + MOD(X * 17, 900) / 100.0,
       6.0 + MOD(X * 29, 1100) / 100.0
FROM SYSTEM_RANGE(1, 250);

-- 20 employees: 1001 runs the company, 1002..1004 report to 1001, the rest to 1002..1004.
INSERT INTO T_EMP (EMP_NO, E_NM, E_MAIL, MGR_NO, REG_CD, HIRE_DT, SHIFT_BEG, SAL, ACTV, PHOTO)
SELECT 1000 + X,
       ARRAY['Anna', 'Bernd', 'Clara', 'Dieter', 'Emine', 'Frank', 'Greta', 'Hakan', 'Ines',
             'Jonas'][1 + MOD(X - 1, 10)] || ' ' ||
       ARRAY['Becker', 'Yılmaz', 'Schulz', 'Novák', 'Weber', 'Ødegaard', 'Fischer'][1 + MOD(X, 7)],
       'emp' || (1000 + X) || '@legacy.example',
       CASE WHEN X = 1 THEN NULL WHEN X <= 4 THEN 1001 ELSE 1002 + MOD(X, 3) END,
       ARRAY['NOR', 'SUD', 'OST', 'WES', 'ALP', 'HEL', 'BEN', 'SKA'][1 + MOD(X, 8)],
       DATEADD(DAY, X * 97, DATE '2005-03-01'),
       CASE MOD(X, 3) WHEN 0 THEN TIME '06:00:00' WHEN 1 THEN TIME '14:00:00' ELSE TIME '22:00:00' END,
       CAST(38000 + X * 1234.5678 AS DECIMAL(19,4)),
       MOD(X, 9) <> 0,
       CASE WHEN MOD(X, 4) = 0 THEN NULL ELSE HASH('SHA-256', 'emp-' || X) END
FROM SYSTEM_RANGE(1, 20);

-- 200 customers: status B when C_ID ends in 0, I when it ends in 3 or 7, otherwise A
-- (140 A, 40 I, 20 B).
INSERT INTO T_CUST (C_ID, C_NO, C_NM, C_STAT, C_TYPE, ADDR_ID, REP_EMP_NO, CRED_LIM, DISC_RT,
                    CRT_TS, LAST_CNT_TS, EXT_REF, PREFS, NOTES)
SELECT X,
       'K' || LPAD(CAST(X AS VARCHAR), 6, '0'),
       ARRAY['Alpen', 'Nordsee', 'Rhein', 'Elbe', 'Main', 'Donau', 'Weser', 'Isar', 'Mosel',
             'Havel', 'Spree'][1 + MOD(X, 11)] || ' ' ||
       ARRAY['Handel', 'Bau', 'Logistik', 'Technik', 'Getränke', 'Papier', 'Metall'][1 + MOD(X * 3, 7)] || ' ' ||
       ARRAY['GmbH', 'AG', 'KG', 'e.K.', 'GmbH & Co. KG'][1 + MOD(X, 5)],
       CASE WHEN MOD(X, 10) = 0 THEN 'B' WHEN MOD(X, 10) IN (3, 7) THEN 'I' ELSE 'A' END,
       CASE WHEN MOD(X, 9) = 0 THEN 'GOVERNMENT' WHEN MOD(X, 4) = 0 THEN 'WHOLESALE' ELSE 'RETAIL' END,
       X,
       CASE WHEN MOD(X, 25) = 0 THEN NULL ELSE 1005 + MOD(X, 16) END,
       CAST(MOD(X * 7919, 500) * 100 + MOD(X * 31, 10000) / 10000.0 AS DECIMAL(19,4)),
       CASE WHEN MOD(X, 6) = 0 THEN NULL ELSE MOD(X, 4) * 2.5 END,
       DATEADD(MINUTE, X * 4217, TIMESTAMP '2015-01-05 08:30:00'),
       CASE WHEN MOD(X, 8) = 0 THEN NULL
            ELSE DATEADD(MINUTE, X * 1931,
                         TIMESTAMP WITH TIME ZONE '2024-01-02 09:00:00+01:00') END,
       CAST('00000000-0000-4000-8000-' || LPAD(CAST(X AS VARCHAR), 12, '0') AS UUID),
       CASE WHEN MOD(X, 5) = 0 THEN NULL
            ELSE JSON_OBJECT('lang': ARRAY['de', 'en', 'fr', 'nl'][1 + MOD(X, 4)],
                             'newsletter': MOD(X, 2) = 0,
                             'channels': JSON_ARRAY('mail', CASE WHEN MOD(X, 3) = 0 THEN 'phone' ELSE 'fax' END)) END,
       CASE WHEN MOD(X, 3) = 0 THEN NULL
            WHEN MOD(X, 10) = 0 THEN 'Gesperrt: Mahnstufe 3, Rücksprache mit Buchhaltung'
            ELSE 'Kunde seit ' || (2015 + MOD(X, 9)) END
FROM SYSTEM_RANGE(1, 200);

-- 60 products, 3 price periods each (2022, 2023, open-ended 2024).
INSERT INTO T_PRD (PRD_CD, PRD_NM, PRD_GRP, UOM, WGT_KG, DISCONT, SPEC, IMG)
SELECT 'P' || LPAD(CAST(X AS VARCHAR), 4, '0'),
       ARRAY['Schraube', 'Mutter', 'Dübel', 'Winkel', 'Kabel', 'Rohr', 'Platte', 'Ventil',
             'Pumpe', 'Sensor'][1 + MOD(X, 10)] || ' ' ||
       ARRAY['M6', 'M8', 'M10', 'XL', 'Pro', 'Eco'][1 + MOD(X, 6)],
       ARRAY['BF', 'EL', 'HY', 'SA'][1 + MOD(X, 4)],
       ARRAY['ST', 'PAK', 'M', 'KG'][1 + MOD(X, 4)],
       CASE WHEN MOD(X, 7) = 0 THEN NULL ELSE X * 0.125 END,
       MOD(X, 15) = 0,
       JSON_OBJECT('material': ARRAY['steel', 'brass', 'pvc'][1 + MOD(X, 3)], 'rohs': MOD(X, 2) = 1),
       CASE WHEN MOD(X, 3) = 0 THEN CAST(HASH('SHA-256', 'img-' || X) AS BLOB) ELSE NULL END
FROM SYSTEM_RANGE(1, 60);

INSERT INTO T_PRD_PRC (PRD_CD, VALID_FROM, VALID_TO, UNIT_PRC, CURR)
SELECT 'P' || LPAD(CAST(P.X AS VARCHAR), 4, '0'),
       DATEADD(YEAR, Y.X, DATE '2021-01-01'),
       CASE WHEN Y.X = 3 THEN NULL ELSE DATEADD(DAY, -1, DATEADD(YEAR, Y.X + 1, DATE '2021-01-01')) END,
       CAST((P.X * 1.37 + 0.4999) * (1 + Y.X * 0.05) AS DECIMAL(19,4)),
       'EUR'
FROM SYSTEM_RANGE(1, 60) P CROSS JOIN SYSTEM_RANGE(1, 3) Y;

-- 1,000 orders 100001..101000 between 2022-01-01 and 2024-12-30. Customers 1..190 have 5 or 6
-- orders each; customers 191..200 have none. Status: X for every 20th, then N, S, C.
INSERT INTO T_ORD_HDR (ORD_NO, CUST_ID, ORD_DT, ORD_TS, O_STAT, SHIP_ADDR_ID, EMP_NO, TOT_AMT, RUSH)
SELECT 100000 + X,
       1 + MOD(X * 37, 190),
       DATEADD(DAY, MOD(X * 7, 1095), DATE '2022-01-01'),
       DATEADD(SECOND, 28800 + MOD(X * 523, 36000), CAST(DATEADD(DAY, MOD(X * 7, 1095), DATE '2022-01-01') AS TIMESTAMP)),
       CASE WHEN MOD(X, 20) = 0 THEN 'X' WHEN MOD(X, 20) <= 3 THEN 'N'
            WHEN MOD(X, 20) <= 9 THEN 'S' ELSE 'C' END,
       CASE WHEN MOD(X, 4) = 0 THEN 201 + MOD(X, 50) ELSE NULL END,
       1005 + MOD(X * 3, 16),
       0,
       MOD(X, 11) = 0
FROM SYSTEM_RANGE(1, 1000);

-- 1 to 5 lines per order (3,000 in all), priced from the period that covers the order date.
INSERT INTO T_ORD_LN (ORD_NO, LN_NO, PRD_CD, PRC_VALID_FROM, QTY, UNIT_PRC, DISC_PCT, LN_AMT)
SELECT B.ORD_NO, B.LN_NO, PP.PRD_CD, PP.VALID_FROM, B.QTY, PP.UNIT_PRC, B.DISC,
       CAST(ROUND(B.QTY * PP.UNIT_PRC * (100 - B.DISC) / 100, 4) AS DECIMAL(19,4))
FROM (SELECT H.ORD_NO,
             L.X AS LN_NO,
             'P' || LPAD(CAST(1 + MOD(H.ORD_NO * 3 + L.X * 11, 60) AS VARCHAR), 4, '0') AS PRD_CD,
             DATEADD(YEAR, EXTRACT(YEAR FROM H.ORD_DT) - 2021, DATE '2021-01-01') AS PRC_FROM,
             1 + MOD(H.ORD_NO * 7 + L.X * 5, 24) AS QTY,
             MOD(H.ORD_NO + L.X, 4) * 2.5 AS DISC
      FROM T_ORD_HDR H
      JOIN SYSTEM_RANGE(1, 5) L ON L.X <= 1 + MOD(H.ORD_NO * 7, 5)) B
JOIN T_PRD_PRC PP ON PP.PRD_CD = B.PRD_CD AND PP.VALID_FROM = B.PRC_FROM;

UPDATE T_ORD_HDR H SET TOT_AMT = (SELECT SUM(L.LN_AMT) FROM T_ORD_LN L WHERE L.ORD_NO = H.ORD_NO);

-- One invoice per shipped or closed order (800); closed orders are paid.
INSERT INTO T_INV (INV_NO, ORD_NO, INV_DT, DUE_DT, INV_AMT, TAX_AMT, PAID, PDF)
SELECT 'INV-' || EXTRACT(YEAR FROM ORD_DT) || '-' || LPAD(CAST(ORD_NO - 100000 AS VARCHAR), 5, '0'),
       ORD_NO,
       DATEADD(DAY, 2, ORD_DT),
       DATEADD(DAY, 32, ORD_DT),
       TOT_AMT,
       CAST(ROUND(TOT_AMT * 0.19, 4) AS DECIMAL(19,4)),
       O_STAT = 'C',
       CASE WHEN MOD(ORD_NO, 10) = 0 THEN CAST(HASH('SHA-256', 'inv-' || ORD_NO) AS BLOB) ELSE NULL END
FROM T_ORD_HDR
WHERE O_STAT IN ('S', 'C');

-- Closed orders: one full payment. Shipped orders with ORD_NO divisible by 3: half paid.
INSERT INTO T_PAY (PAY_ID, INV_NO, PAY_TS, PAY_AMT, PAY_METH, TXN_REF)
SELECT 9000000000 + I.ORD_NO,
       I.INV_NO,
       DATEADD(MINUTE, MOD(I.ORD_NO * 41, 1440),
               CAST(CAST(DATEADD(DAY, 10 + MOD(I.ORD_NO, 20), I.INV_DT) AS TIMESTAMP) AS TIMESTAMP WITH TIME ZONE)),
       CASE WHEN I.PAID THEN I.INV_AMT + I.TAX_AMT
            ELSE CAST(ROUND((I.INV_AMT + I.TAX_AMT) / 2, 4) AS DECIMAL(19,4)) END,
       ARRAY['TRANSFER', 'CARD', 'TRANSFER', 'CASH', 'CHEQUE'][1 + MOD(I.ORD_NO, 5)],
       CAST('00000000-0000-4000-9000-' || LPAD(CAST(I.ORD_NO AS VARCHAR), 12, '0') AS UUID)
FROM T_INV I
WHERE I.PAID OR MOD(I.ORD_NO, 3) = 0;

-- 2,000 audit entries, every 317 seconds from 2024-01-01; the last 10 are exact duplicates of
-- the first 10 (the old triggers sometimes fired twice).
INSERT INTO T_AUD_LOG (LOG_TS, USR_ID, ACT_CD, TBL_NM, REC_KEY, DETAIL, SRC_IP)
SELECT DATEADD(SECOND, (N - 1) * 317, TIMESTAMP '2024-01-01 00:00:00'),
       ARRAY['BATCH', 'SACHB01', 'SACHB02', 'ADMIN', 'EDI'][1 + MOD(N, 5)],
       ARRAY['I', 'U', 'U', 'U', 'D'][1 + MOD(N * 3, 5)],
       ARRAY['T_CUST', 'T_ORD_HDR', 'T_ORD_LN', 'T_INV', 'T_PAY'][1 + MOD(N, 5)],
       CAST(100000 + MOD(N * 13, 1000) AS VARCHAR),
       CASE WHEN MOD(N, 4) = 0 THEN NULL
            ELSE JSON_OBJECT('prog': 'ERP' || LPAD(CAST(MOD(N, 40) AS VARCHAR), 3, '0'), 'seq': N) END,
       CASE WHEN MOD(N, 5) = 0 THEN NULL ELSE '10.0.' || MOD(N, 4) || '.' || (10 + MOD(N, 40)) END
FROM (SELECT 1 + MOD(X - 1, 1990) AS N FROM SYSTEM_RANGE(1, 2000));

-- Balance per customer as the old reports showed it: invoiced gross minus payments.
CREATE VIEW V_CUST_BAL AS
SELECT C.C_ID,
       C.C_NO,
       C.C_NM,
       C.C_STAT,
       COALESCE(I.INV_GROSS, 0) AS INV_GROSS,
       COALESCE(P.PAID_AMT, 0) AS PAID_AMT,
       COALESCE(I.INV_GROSS, 0) - COALESCE(P.PAID_AMT, 0) AS BAL_AMT
FROM T_CUST C
LEFT JOIN (SELECT H.CUST_ID, SUM(I.INV_AMT + I.TAX_AMT) AS INV_GROSS
           FROM T_INV I JOIN T_ORD_HDR H ON H.ORD_NO = I.ORD_NO
           GROUP BY H.CUST_ID) I ON I.CUST_ID = C.C_ID
LEFT JOIN (SELECT H.CUST_ID, SUM(P.PAY_AMT) AS PAID_AMT
           FROM T_PAY P JOIN T_INV I ON I.INV_NO = P.INV_NO JOIN T_ORD_HDR H ON H.ORD_NO = I.ORD_NO
           GROUP BY H.CUST_ID) P ON P.CUST_ID = C.C_ID;

COMMENT ON TABLE V_CUST_BAL IS 'Open balance per customer (gross invoiced minus paid)';
