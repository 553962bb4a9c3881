package dev.daas.recovery.eval;

import dev.daas.model.DataType;
import dev.daas.recovery.eval.GeneratedSchema.Col;
import dev.daas.recovery.eval.GeneratedSchema.Kind;
import dev.daas.recovery.eval.GeneratedSchema.Ref;
import dev.daas.recovery.eval.GeneratedSchema.Tab;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates a legacy-style schema deterministically from a {@link SchemaStyle}: main tables with
 * abbreviated names, code lookup tables, detail and history tables with composite keys, link tables
 * whose key is two references, self references and role-prefixed second references ({@code
 * BILL_CUST_ID}).
 */
final class LegacySchemaGenerator {
  /** Abbreviation and spelled-out word of each main entity; no SQL reserved words. */
  static final String[][] VOCABULARY = {
    {"CUST", "CUSTOMER"}, {"ORD", "ORDERS"}, {"PROD", "PRODUCT"}, {"INV", "INVOICE"},
    {"EMP", "EMPLOYEE"}, {"DEPT", "DEPARTMENT"}, {"SUPP", "SUPPLIER"}, {"CAT", "CATEGORY"},
    {"REG", "REGION"}, {"ACCT", "ACCOUNT"}, {"PMT", "PAYMENT"}, {"SHPM", "SHIPMENT"},
    {"WHS", "WAREHOUSE"}, {"LOC", "LOCATION"}, {"ITM", "ITEM"}, {"CRS", "COURSE"},
    {"STU", "STUDENT"}, {"FAC", "FACULTY"}, {"PAT", "PATIENT"}, {"DOC", "DOCTOR"},
    {"APPT", "APPOINTMENT"}, {"ADDR", "ADDRESS"}, {"CTRY", "COUNTRY"}, {"TXN", "TRANSACTIONS"},
    {"CNTR", "CONTRACT"}, {"PRJ", "PROJECT"}, {"TSK", "TASK"}, {"VND", "VENDOR"},
    {"BRN", "BRANCH"}, {"AST", "ASSET"}, {"PRMT", "PERMIT"}, {"PRCL", "PARCEL"},
    {"BLDG", "BUILDING"}, {"RM", "ROOM"}, {"SEM", "SEMESTER"}, {"GRD", "GRADE"},
    {"LIC", "LICENSE"}, {"VEH", "VEHICLE"}, {"CLM", "CLAIM"}, {"POL", "POLICY"},
    {"BNF", "BENEFIT"}, {"TKT", "TICKET"}, {"EVT", "EVENT"}, {"SRV", "SERVICE"},
    {"MTR", "METER"}, {"RDG", "READING"}, {"QT", "QUOTE"}, {"CMP", "CAMPAIGN"},
    {"LD", "LEAD"}, {"OPP", "OPPORTUNITY"}, {"CNT", "CONTACT"}, {"NT", "NOTE"},
    {"DOCU", "DOCUMENT"}, {"USRA", "USERACCOUNT"}, {"RL", "ROLE"}, {"PRV", "PRIVILEGE"},
  };

  private final SchemaStyle style;
  private final Random random;
  private final GeneratedSchema schema;
  private final Set<String> abbreviations = new HashSet<>();

  private LegacySchemaGenerator(SchemaStyle style) {
    this.style = style;
    this.random = new Random(style.seed());
    this.schema = new GeneratedSchema(style);
  }

  static GeneratedSchema generate(SchemaStyle style) {
    return new LegacySchemaGenerator(style).build();
  }

  private GeneratedSchema build() {
    List<Tab> mains = new ArrayList<>();
    int vocabulary = 0;
    for (int attempt = 0; schema.tables.size() < style.tables() && attempt < 100_000; attempt++) {
      int roll = random.nextInt(100);
      if (mains.size() < 3 || roll < 45 && vocabulary < VOCABULARY.length) {
        mains.add(main(VOCABULARY[vocabulary++], mains));
      } else if (roll < 60) {
        lookup(mains.get(random.nextInt(mains.size())));
      } else if (roll < 78) {
        dependent(mains.get(random.nextInt(mains.size())), Kind.DETAIL, mains);
      } else if (roll < 88) {
        dependent(mains.get(random.nextInt(mains.size())), Kind.HISTORY, mains);
      } else {
        Tab a = mains.get(random.nextInt(mains.size()));
        Tab b = mains.get(random.nextInt(mains.size()));
        if (a != b
            && !exists(tableName(a, "") + "_" + (style.fullWords() ? word(b) : b.abbreviation))) {
          link(a, b);
        }
      }
    }
    return schema;
  }

  private Tab main(String[] entry, List<Tab> earlier) {
    String base = style.fullWords() ? entry[1] : entry[0];
    Tab t = add(style.prefix() + base, Kind.MAIN, entry[0], rows(100, 200_000));
    key(t, style.surrogateIds() ? "ID" : entry[0] + "_" + style.keySuffix());
    t.columns.add(new Col(initial(t) + "_NM", DataType.STRING, true, "text:" + t.name, t.rows));
    int references = earlier.isEmpty() ? 0 : random.nextInt(Math.min(3, earlier.size()) + 1);
    Set<Tab> targets = new HashSet<>();
    for (int i = 0; i < references; i++) {
      Tab to = earlier.get(random.nextInt(earlier.size()));
      if (targets.add(to)) {
        reference(t, to, "", random.nextInt(5) == 0);
        if (!style.surrogateIds() && random.nextInt(6) == 0) {
          reference(t, to, "BILL_", true);
        }
      }
    }
    if (random.nextInt(8) == 0) {
      reference(t, t, "PARENT_", true);
    }
    t.hasStatus = true;
    t.columns.add(new Col(style.mysql() ? "STAT_CD" : "STAT", DataType.STRING, false, "status", 5));
    t.columns.add(new Col("CRT_DT", DataType.DATE, false, "date", 3000));
    return t;
  }

  private void lookup(Tab main) {
    String name = tableName(main, style.fullWords() ? "_TYPE" : "_TYP");
    if (exists(name)) {
      return;
    }
    Tab t = add(name, Kind.LOOKUP, main.abbreviation + "_TYP", rows(4, 40));
    if (style.surrogateIds()) {
      key(t, "ID");
    } else {
      t.columns.add(
          new Col(main.abbreviation + "_TYP_CD", DataType.STRING, false, "code:" + name, t.rows));
      t.key.add(main.abbreviation + "_TYP_CD");
    }
    t.columns.add(new Col("DSC", DataType.STRING, true, "text:" + name, t.rows));
    reference(main, t, "", random.nextBoolean());
  }

  private void dependent(Tab parent, Kind kind, List<Tab> mains) {
    String suffix = kind == Kind.DETAIL ? (style.fullWords() ? "_LINE" : "_DTL") : "_HIST";
    String name = tableName(parent, suffix);
    if (exists(name)) {
      return;
    }
    Tab t =
        add(
            name,
            kind,
            parent.abbreviation + (kind == Kind.DETAIL ? "_DTL" : "_HIST"),
            parent.rows * (2 + random.nextInt(5)));
    if (style.surrogateIds()) {
      key(t, "ID");
      reference(t, parent, "", false);
    } else {
      reference(t, parent, "", false);
      String line = kind == Kind.DETAIL ? "LN_NO" : "SEQ_NO";
      t.columns.add(new Col(line, DataType.INTEGER, false, "int", 20));
      t.key.add(t.columns.get(0).name);
      t.key.add(line);
    }
    if (kind == Kind.DETAIL) {
      Tab other = mains.get(random.nextInt(mains.size()));
      if (other != parent) {
        reference(t, other, "", false);
      }
      t.columns.add(new Col("QTY", DataType.INTEGER, false, "qty", 100));
      t.columns.add(new Col("AMT", DataType.DECIMAL, true, "amount", 100_000));
      // A detail of a detail: shipment lines reference the composite key of order lines, the
      // line number under a name of its own (ORD_LN_NO for LN_NO).
      for (Tab d : List.copyOf(schema.tables)) {
        if (d.kind == Kind.DETAIL
            && d != t
            && d.key.size() == 2
            && random.nextInt(4) == 0
            && t.column(d.key.get(0)) == null) {
          String line =
              d.key.get(0).substring(0, d.key.get(0).lastIndexOf('_')) + "_" + d.key.get(1);
          t.columns.add(
              new Col(d.key.get(0), DataType.INTEGER, true, "int", d.column(d.key.get(0)).max));
          t.columns.add(new Col(line, DataType.INTEGER, true, "int", 20));
          schema.refs.add(new Ref(t, List.of(d.key.get(0), line), d, List.copyOf(d.key)));
          break;
        }
      }
    } else {
      t.columns.add(new Col("CHG_DT", DataType.DATE, false, "date", 3000));
    }
  }

  private void link(Tab a, Tab b) {
    Tab t =
        add(
            tableName(a, "") + "_" + (style.fullWords() ? word(b) : b.abbreviation),
            Kind.LINK,
            a.abbreviation + "_" + b.abbreviation,
            Math.min(a.rows, b.rows) * 3);
    if (style.surrogateIds()) {
      key(t, "ID");
    }
    reference(t, a, "", false);
    reference(t, b, "", false);
    if (!style.surrogateIds()) {
      t.key.add(t.columns.get(0).name);
      t.key.add(t.columns.get(1).name);
    }
    t.columns.add(new Col("VALID_FROM_DT", DataType.DATE, true, "date", 3000));
  }

  /** Adds a reference column from {@code from} to the key of {@code to}. */
  private void reference(Tab from, Tab to, String role, boolean nullable) {
    String column =
        role + (style.surrogateIds() ? referenceAbbreviation(to) + "_ID" : to.key.get(0));
    if (from.column(column) != null || to.key.size() != 1) {
      return;
    }
    Col key = to.column(to.key.get(0));
    long max = Math.max(1, (long) (key.max * (0.3 + 0.7 * random.nextDouble())));
    from.columns.add(new Col(column, key.type, nullable, key.domain, max));
    schema.refs.add(new Ref(from, List.of(column), to, List.copyOf(to.key)));
  }

  /** The shortest unused abbreviation of a table for {@code <abbreviation>_ID} references. */
  private String referenceAbbreviation(Tab t) {
    if (t.referenceAbbreviation == null) {
      String stem = t.abbreviation.replace("_", "");
      String initials =
          t.abbreviation.contains("_") ? t.abbreviation.replaceAll("([A-Z])[A-Z]*_?", "$1") : null;
      List<String> options = new ArrayList<>();
      if (initials != null) {
        options.add(initials);
      }
      for (int n = 1; n <= stem.length(); n++) {
        options.add(stem.substring(0, n));
      }
      options.add(stem + abbreviations.size());
      t.referenceAbbreviation =
          options.stream().filter(abbreviations::add).findFirst().orElseThrow();
    }
    return t.referenceAbbreviation;
  }

  private void key(Tab t, String column) {
    t.columns.add(new Col(column, DataType.INTEGER, false, "int", t.rows));
    t.key.add(column);
  }

  private Tab add(String name, Kind kind, String abbreviation, long rows) {
    Tab t = new Tab(style.name(), name, kind, abbreviation, rows);
    schema.tables.add(t);
    return t;
  }

  private String tableName(Tab main, String suffix) {
    return main.name + suffix;
  }

  private String word(Tab t) {
    for (String[] e : VOCABULARY) {
      if (e[0].equals(t.abbreviation)) {
        return e[1];
      }
    }
    return t.abbreviation;
  }

  private String initial(Tab t) {
    return style.fullWords() ? t.abbreviation : t.abbreviation.substring(0, 1);
  }

  private boolean exists(String name) {
    return schema.tables.stream().anyMatch(t -> t.name.equals(name));
  }

  private long rows(long min, long max) {
    return (long) Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
  }
}
