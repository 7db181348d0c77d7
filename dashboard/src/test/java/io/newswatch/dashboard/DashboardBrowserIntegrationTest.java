package io.newswatch.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.newswatch.alerts.reload.WatchlistReloader;
import io.newswatch.core.config.KafkaConnection;
import io.newswatch.core.health.HealthServer;
import io.newswatch.core.metrics.Telemetry;
import io.newswatch.core.serde.NewswatchSerdes;
import io.newswatch.core.topics.Topics;
import io.newswatch.dashboard.watchlists.WatchlistCatalog;
import io.newswatch.schemas.Alert;
import io.newswatch.schemas.Severity;
import io.newswatch.testkit.TestPlatform;

/**
 * The dashboard in a real browser: Debian's headless Chromium driven through its chromedriver, the
 * dashboard reading a real broker. Checks that an alert produced while the page is open appears
 * without a reload, that a filter narrows the list and lands in the URL, that a title with markup is
 * shown as text, and that the watch-list page shows a rejected file; saves screenshots under target/.
 */
class DashboardBrowserIntegrationTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String HOSTILE_TITLE = "<script>window.__injected = true</script><b>Bold</b> claims";

    @TempDir
    Path dir;

    private final KafkaConnection connection = TestPlatform.connection();
    private final Topics topics = TestPlatform.uniqueTopics("dashboard-browser");
    private NewswatchSerdes serdes;
    private KafkaProducer<String, Alert> producer;
    private WatchlistReloader reloader;
    private Dashboard dashboard;
    private HealthServer server;
    private ChromeDriver browser;
    private Path watchlists;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium not found: install the Debian packages chromium and chromium-driver (.ci/run does) "
                        + "to run the dashboard's browser test");
        TestPlatform.createTopics(2, List.of(topics.alerts()));
        serdes = new NewswatchSerdes(connection.serdeConfig());
        Map<String, Object> config = new HashMap<>(connection.clientConfig());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TestPlatform.uniqueName("dashboard-browser-tx"));
        producer = new KafkaProducer<>(config, new StringSerializer(), serdes.alert().serializer());
        producer.initTransactions();

        watchlists = dir.resolve("team.yaml");
        Files.writeString(watchlists, """
                watchlists:
                  - id: uk-terror
                    name: Terrorism in the UK
                    severity: high
                    match: { any: [ { phrase: "Westminster Bridge" }, { term: attack } ] }
                  - id: markets
                    name: Market moves
                    severity: low
                    match: { any: [ { term: shares } ] }
                """);
        reloader = WatchlistReloader.start(watchlists, Clock.systemUTC(), null, c -> { });
        dashboard = Dashboard.start(connection, TestPlatform.uniqueName("dashboard-browser"), topics.alerts(),
                serdes.alert().deserializer(), WatchlistCatalog.of(reloader), new DashboardOptions(1000, null),
                Clock.systemUTC());
        server = HealthServer.start("dashboard-test", "127.0.0.1", 0, () -> List.of(dashboard), Telemetry.prometheus());
        dashboard.mountOn(server);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + Files.createDirectory(dir.resolve("chromium-profile")));
        // The driver is given explicitly, so Selenium never looks for (or downloads) one.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (reloader != null) {
            reloader.close();
        }
        if (producer != null) {
            producer.close();
        }
        if (serdes != null) {
            serdes.close();
        }
    }

    private void produce(Alert... alerts) {
        producer.beginTransaction();
        for (Alert a : alerts) {
            producer.send(new ProducerRecord<>(topics.alerts(), a.getWatchlistId(), a));
        }
        producer.commitTransaction();
    }

    private static Alert terror(String article, String title, String source, int minutesAgo) {
        return TestAlerts.alert("uk-terror", Severity.HIGH, "story-westminster", article, title, source,
                List.of("crime-law-justice", "politics"),
                "Police said the attack on Westminster Bridge lasted 82 seconds.", "Westminster Bridge",
                Instant.now().minusSeconds(60L * minutesAgo));
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private int stories() {
        return browser.findElements(By.cssSelector("#stories .story")).size();
    }

    @Test
    void showsNewAlertsLiveFiltersThemAndShowsTheWatchlists() throws Exception {
        produce(terror("a1", "Attack on Westminster Bridge: what we know", "BBC News", 30),
                TestAlerts.alert("markets", Severity.LOW, "story-shares", "m1", HOSTILE_TITLE, "Wire Service",
                        List.of("economy-business-finance"), "Shares fell 3% in early trading.", "Shares",
                        Instant.now().minusSeconds(600)));
        String base = server.localUrl();
        browser.get(base + "/");
        waiting().until(d -> stories() == 2);

        // Markup in a title is text: shown literally, not run, no element made from it.
        WebElement hostile = browser.findElement(By.cssSelector(".story[data-watchlist=markets] .story-title"));
        assertThat(hostile.getText()).isEqualTo(HOSTILE_TITLE);
        assertThat(hostile.findElements(By.tagName("b"))).isEmpty();
        JavascriptExecutor js = browser;
        assertThat(js.executeScript("return window.__injected === undefined")).isEqualTo(true);
        // The matched words are highlighted in the sentence.
        assertThat(browser.findElement(By.cssSelector(".story[data-watchlist=uk-terror] .evidence mark")).getText())
                .isEqualTo("Westminster Bridge");
        waiting().until(d -> d.findElement(By.id("live-status")).getText().equals("live"));

        // A new alert appears without a reload (the marker set on this page survives).
        js.executeScript("window.__samePage = 42");
        produce(TestAlerts.alert("markets", Severity.LOW, "story-bank", "m2", "Bank shares rally after rate decision",
                "Example Times", List.of("economy-business-finance"), "Bank shares rallied on Thursday.", "shares",
                Instant.now()));
        waiting().until(d -> stories() == 3);
        assertThat(browser.findElements(By.cssSelector("#stories .story")).get(0).getText())
                .contains("Bank shares rally after rate decision");
        assertThat(js.executeScript("return window.__samePage")).isEqualTo(42L);

        // A later copy of a story joins its group instead of making a new row.
        produce(terror("a2", "Westminster attack: police name the attacker", "The Guardian", 0));
        waiting().until(d -> d.findElements(By.cssSelector(".story[data-watchlist=uk-terror] details.related li")).size() == 1);
        assertThat(stories()).isEqualTo(3);
        screenshot("dashboard-alerts.png");

        // A filter narrows the list and is kept in the URL.
        new Select(browser.findElement(By.id("f-watchlist"))).selectByValue("uk-terror");
        waiting().until(d -> stories() == 1);
        assertThat(browser.getCurrentUrl()).contains("watchlist=uk-terror");
        browser.findElement(By.id("f-q")).sendKeys("nothing-like-this");
        waiting().until(d -> stories() == 0);
        assertThat(browser.findElement(By.cssSelector("#stories .empty")).getText()).contains("No alerts match");

        // The URL can be shared: opened afresh, it shows the same filter.
        browser.get(base + "/?severity=high&source=BBC%20News");
        waiting().until(d -> stories() == 1);
        assertThat(new Select(browser.findElement(By.id("f-severity"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("high");

        // The watch-list page: definitions, counts, and a refused newer file with file:line:column.
        Files.writeString(watchlists, "watchlists:\n  - { id: uk-terror, severity: urgent, match: { any: [ { term: x } ] } }\n");
        assertThat(reloader.reloadIfChanged()).isFalse();
        browser.get(base + "/watchlists");
        waiting().until(d -> !d.findElements(By.id("wl-rejected")).isEmpty());
        assertThat(browser.findElement(By.id("wl-rejected")).getText()).contains(watchlists + ":2:");
        assertThat(browser.findElement(By.id("wl-uk-terror")).getText()).contains("Westminster Bridge").contains("2 alerts kept");
        screenshot("dashboard-watchlists.png");
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
