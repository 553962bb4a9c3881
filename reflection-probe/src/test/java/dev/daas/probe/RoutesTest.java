package dev.daas.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.legacy.CustomerController;
import com.acme.legacy.OrderResource;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.Test;

class RoutesTest {

  @Test
  void springHandlerRouteJoinsClassAndMethodMappings() throws Exception {
    TypeDescription type = TypeDescription.ForLoadedType.of(CustomerController.class);
    String[] route = Routes.of(type, new MethodDescription.ForLoadedMethod(
        CustomerController.class.getMethod("show", int.class)));
    assertThat(route).containsExactly("GET", "/api/customers/{id}");
  }

  @Test
  void jaxRsResourceRouteJoinsClassAndMethodPaths() throws Exception {
    TypeDescription type = TypeDescription.ForLoadedType.of(OrderResource.class);
    assertThat(Routes.of(type, new MethodDescription.ForLoadedMethod(
        OrderResource.class.getMethod("lines", String.class)))).containsExactly("GET", "/orders/{no}/lines");
    assertThat(Routes.of(type, new MethodDescription.ForLoadedMethod(OrderResource.class.getMethod("helper"))))
        .isNull();
  }

  @Test
  void joinsPathsWithExactlyOneSlash() {
    assertThat(Routes.join("/a/", "/b")).isEqualTo("/a/b");
    assertThat(Routes.join("a", "b")).isEqualTo("/a/b");
    assertThat(Routes.join("", "")).isEqualTo("/");
  }

  @Test
  void requestPathsKeepFewRoutes() {
    assertThat(EntryPoints.routeTemplate("/customers/42")).isEqualTo("/customers/{id}");
    assertThat(EntryPoints.routeTemplate("/orders/6f1c0c1e-4d7e-4a38-9a55-0f4a1f1d2b70/lines"))
        .isEqualTo("/orders/{id}/lines");
    assertThat(EntryPoints.routeTemplate("/customers")).isEqualTo("/customers");
  }
}
