package dev.daas.apigen;

import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import java.util.HashMap;
import java.util.Map;

/**
 * The component schema names and operation ids of one document, allocated in model order so they
 * are unique, valid and the same every time.
 */
final class DocumentNames {
  private final Map<String, String> rowSchemas = new HashMap<>();
  private final Map<String, String> pageSchemas = new HashMap<>();
  private final Map<String, String> listOperations = new HashMap<>();
  private final Map<String, String> getOperations = new HashMap<>();

  private DocumentNames() {}

  static DocumentNames of(DataModel model) {
    DocumentNames names = new DocumentNames();
    UniqueNames schemas = new UniqueNames();
    schemas.reserve(SharedComponents.PAGE);
    schemas.reserve(SharedComponents.PROBLEM);
    // every row schema first: an entity named customer_page keeps CustomerPage
    for (Entity entity : model.entities()) {
      names.rowSchemas.put(entity.name(), schemas.allocate(Names.pascalCase(entity.name())));
    }
    for (Entity entity : model.entities()) {
      names.pageSchemas.put(
          entity.name(), schemas.allocate(names.rowSchemas.get(entity.name()) + "Page"));
    }
    UniqueNames operations = new UniqueNames();
    for (Entity entity : model.entities()) {
      String base = Names.pascalCase(entity.name());
      names.listOperations.put(entity.name(), operations.allocate("list" + base));
      if (entity.identifyingKey().isPresent()) {
        names.getOperations.put(entity.name(), operations.allocate("get" + base));
      }
    }
    return names;
  }

  String rowSchema(String entityName) {
    return require(rowSchemas, entityName);
  }

  String pageSchema(String entityName) {
    return require(pageSchemas, entityName);
  }

  String listOperation(String entityName) {
    return require(listOperations, entityName);
  }

  String getOperation(String entityName) {
    return require(getOperations, entityName);
  }

  private static String require(Map<String, String> names, String entityName) {
    String name = names.get(entityName);
    if (name == null) {
      throw new IllegalStateException("no name was allocated for entity " + entityName);
    }
    return name;
  }
}
