package dev.daas.recovery.eval;

/**
 * How one generated legacy schema names things.
 *
 * @param name schema (and case) name
 * @param tables number of tables
 * @param prefix technical table prefix, e.g. {@code T_}
 * @param fullWords whether table names are spelled out ({@code STUDENT}) or abbreviated ({@code
 *     STU}); columns are always abbreviated
 * @param surrogateIds whether every table's key is a column named {@code ID} and references are
 *     {@code <abbreviation>_ID} ({@code C_ID}); else keys are {@code <STEM>_<suffix>} and
 *     references repeat the key's name
 * @param keySuffix {@code ID} or {@code NO}
 * @param mysql whether statements quote names with backticks
 * @param seed random seed
 */
public record SchemaStyle(
    String name,
    int tables,
    String prefix,
    boolean fullWords,
    boolean surrogateIds,
    String keySuffix,
    boolean mysql,
    long seed) {}
