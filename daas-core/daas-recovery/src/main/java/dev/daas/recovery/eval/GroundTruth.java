package dev.daas.recovery.eval;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a generated schema really is.
 *
 * @param relationships every true reference, as {@code from[cols] -> to[cols]} (qualified names)
 * @param exercised the references the workload joins on
 * @param primaryKeys true primary key columns by qualified table name
 * @param undeclaredKeys tables whose primary key was removed from the catalog
 */
public record GroundTruth(
    Set<String> relationships,
    Set<String> exercised,
    Map<String, List<String>> primaryKeys,
    Set<String> undeclaredKeys) {}
