package dev.daas.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI in a real browser (Debian's headless Chromium) over the real server: the OpenAPI
 * document needs a credential, so the UI asks for one, sends it only to this server, and then shows
 * the caller's operations and can run one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwaggerUiIT {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private ServerProcess server;
  private WebDriver browser;

  @BeforeAll
  void start() {
    assertThat(new File(CHROMIUM))
        .as("Chromium is installed by scripts/prepare-services.sh (apt-get install chromium)")
        .exists();
    server = ServerProcess.withFreshDataDir(Map.of("daas.demo.enabled", "true")).start();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void asksForTheCredentialOnceThenShowsAndRunsTheOperations() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(server.baseUri() + "/q/swagger-ui/?url=/api/v1/demo/openapi.json");

    Alert prompt = wait.until(ExpectedConditions.alertIsPresent());
    assertThat(prompt.getText()).contains("API key");
    prompt.sendKeys(ServerProcess.ADMIN_KEY);
    prompt.accept();

    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("[data-path='/t_cust/{key}'], .opblock-summary-path")));
    List<String> paths =
        browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(paths).contains("/t_cust", "/t_cust/{key}");

    // run GET /t_cust with "Try it out": the credential goes with it, no second prompt
    WebElement list =
        browser.findElements(By.cssSelector(".opblock-get")).stream()
            .filter(
                e ->
                    e.findElement(By.cssSelector(".opblock-summary-path"))
                        .getText()
                        .equals("/t_cust"))
            .findFirst()
            .orElseThrow();
    list.findElement(By.cssSelector(".opblock-summary")).click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                list.findElement(By.cssSelector(".try-out__btn"))))
        .click();
    list.findElement(By.cssSelector(".execute")).click();
    String status =
        wait.until(
            d ->
                list
                    .findElements(By.cssSelector(".live-responses-table .response-col_status"))
                    .stream()
                    .map(WebElement::getText)
                    .filter(text -> text.matches("\\d{3}.*"))
                    .findFirst()
                    .orElse(null));
    assertThat(status).startsWith("200");
  }
}
