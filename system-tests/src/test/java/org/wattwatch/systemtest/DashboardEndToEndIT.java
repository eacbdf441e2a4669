package org.wattwatch.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.wattwatch.access.OwnerClient;
import org.wattwatch.event.json.EventJson;
import org.wattwatch.event.learning.ModelDecision;
import org.wattwatch.event.topic.Topics;
import org.wattwatch.notifier.NotifierApplication;
import org.wattwatch.scoring.ScoringApplication;

/**
 * The dashboard in a real browser (Debian's headless Chromium through its chromedriver) against the
 * scoring service and the notifier on an embedded broker: the day's band and its anomaly are drawn,
 * a new reading arrives live, the alert is listed and can be snoozed, the page fits a phone, and it
 * says so when the notifier, then the broker, go away. Screenshots go to {@code target/}.
 */
class DashboardEndToEndIT {

    private static final String ZONE = "Europe/Paris";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static EmbeddedSystem system;
    private static ConfigurableApplicationContext notifier;
    private static String scoringUrl;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        boolean browserThere = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!browserThere) {
            System.out.println("DashboardEndToEndIT skipped: needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver; .ci/run installs them)");
        }
        Assumptions.assumeTrue(browserThere, "needs Debian's chromium and chromium-driver");
        system = new EmbeddedSystem();
        notifier = system.start(NotifierApplication.builder());
        ConfigurableApplicationContext scoring = system.start(ScoringApplication.builder(),
                "--wattwatch.scoring.zone=" + ZONE,
                "--spring.kafka.streams.state-dir=" + Files.createTempDirectory("wattwatch-dashboard-streams"),
                "--wattwatch.dashboard.notifier-url=http://127.0.0.1:" + EmbeddedSystem.port(notifier),
                "--wattwatch.dashboard.notifier-timeout=1s");
        scoringUrl = "http://127.0.0.1:" + EmbeddedSystem.port(scoring);

        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--window-size=1280,1100");
        browser = new ChromeDriver(driverService, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (system != null) {
            system.close();
        }
    }

    private static void recordDecision(ModelDecision decision) throws Exception {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(Map.<String, Object>of(
                "bootstrap.servers", system.broker.getBrokersAsString()),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.MODEL_DECISIONS,
                    decision.meterId(), EventJson.write(decision))).get();
        }
    }

    private static void send(String localStart, int wh) {
        system.send("main", localStart, wh, ZONE);
    }

    private static int pointsOnTheDay() {
        Map<String, Object> day = OwnerClient.create(scoringUrl).get()
                .uri("/api/dashboard/day?meter=main&date=2026-01-05").retrieve()
                .body(new ParameterizedTypeReference<>() { });
        return ((List<?>) day.get("points")).size();
    }

    private static String chart(String attribute) {
        return browser.findElement(By.id("day-chart")).getAttribute("data-" + attribute);
    }

    /** Pixels of the day chart's canvas near a colour: proof that something was painted in it. */
    private static long pixels(int r, int g, int b, int alpha) {
        Object count = ((JavascriptExecutor) browser).executeScript("""
                const canvas = document.querySelector('#day-chart canvas');
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let n = 0;
                for (let i = 0; i < data.length; i += 4) {
                  if (Math.abs(data[i] - arguments[0]) < 12 && Math.abs(data[i + 1] - arguments[1]) < 12
                      && Math.abs(data[i + 2] - arguments[2]) < 12 && Math.abs(data[i + 3] - arguments[3]) < 12) n++;
                }
                return n;""", r, g, b, alpha);
        return ((Number) count).longValue();
    }

    private static void screenshot(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void showsTheDayAgainstItsBandLiveWithItsAlertAndSaysWhatIsMissing() throws Exception {
        try {
            walkThroughThePage();
        } catch (Throwable t) {
            try {
                screenshot("dashboard-failure.png");
                System.out.println("dashboard at failure: " + ((JavascriptExecutor) browser).executeScript(
                        "return location.href + ' ' + document.body.innerText"));
            } catch (RuntimeException e) {
                t.addSuppressed(e);
            }
            throw t;
        }
    }

    private void walkThroughThePage() throws Exception {
        for (String hour : List.of("00", "01", "02", "03")) {
            send("2026-01-05T" + hour + ":00", 250);
        }
        send("2026-01-05T04:00", 1500); // the seed's 04:00 range is 108-363 Wh
        // 404 until the first reading is in
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> pointsOnTheDay() == 5);

        // a retrain kept its candidate out: the model card's history says why
        recordDecision(new ModelDecision(1, "main", java.time.Instant.parse("2026-01-04T03:00:00Z"), "seed-envelope-x",
                "gbm-candidate", false, "kept out: it would raise 5 alert(s) in the recent 28 days, more than the "
                        + "budget of 2.0 a month allows (2; the model in use raised 7)", null, null,
                new ModelDecision.Figures(28, 7, 7.6, 6, 4, 0, 0), new ModelDecision.Figures(28, 5, 5.4, 6, 5, 0, 0)));
        await().atMost(Duration.ofSeconds(30)).until(() -> OwnerClient.create(scoringUrl).get()
                .uri("/api/dashboard/model?meter=main").retrieve().body(String.class).contains("gbm-candidate"));

        // the page is the owner's: a visitor is sent to sign in, and comes back to it after
        browser.get(scoringUrl + "/?meter=main&date=2026-01-05");
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().endsWith("/login"));
        browser.findElement(By.name("username")).sendKeys("owner");
        browser.findElement(By.name("password")).sendKeys(OwnerClient.TOKEN);
        browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().contains("meter=main"));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> "5".equals(chart("points")) && "1".equals(chart("above")));
        assertThat(chart("band-hours")).isEqualTo("24");
        // the band's green fill and the anomaly's red point are on the canvas (uPlot paints the fill
        // translucent: premultiplied it reads back as the colour with its alpha)
        assertThat(pixels(0xd6, 0x27, 0x28, 255)).as("red anomaly pixels").isGreaterThan(20);
        assertThat(pixels(46, 160, 67, 56)).as("green band pixels").isGreaterThan(5_000);
        assertThat(browser.findElement(By.id("day-summary")).getText()).contains("1 reading above the usual range");
        // works without internet: every asset, the chart library included, came from the service
        Object foreign = ((JavascriptExecutor) browser).executeScript("return performance.getEntriesByType('resource')"
                + ".map(e => e.name).filter(n => !n.startsWith(location.origin)).join(' ')");
        assertThat(foreign).isEqualTo("");

        WebElement alert = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                () -> browser.findElement(By.cssSelector("#alerts li[data-state='RAISED']")), e -> e != null);
        assertThat(alert.getText()).contains("main · Mon 5 Jan, 04:00").contains("1500 Wh").contains("log: delivered");
        assertThat(alert.findElement(By.cssSelector("a.alert-day")).getAttribute("href"))
                .endsWith("?meter=main&date=2026-01-05");
        assertThat(browser.findElement(By.id("model")).getText()).contains("seed-envelope-");
        assertThat(browser.findElement(By.id("week-chart")).getAttribute("data-band-hours")).isEqualTo("168");
        screenshot("dashboard-e2e.png");

        assertThat(browser.findElement(By.id("model-history")).getText())
                .contains("gbm-candidate was not put live, kept out: it would raise 5 alert(s)");

        alert.findElement(By.cssSelector("button.snooze")).click();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#alerts li[data-state='RAISED'] .snoozed"))
                        .getText().startsWith("Snoozed until"));

        // the owner says what it was, for the next retrain
        browser.findElement(By.cssSelector("#alerts li[data-state='RAISED'] button.feedback-expected")).click();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#alerts li[data-state='RAISED'] .feedback"))
                        .getText().equals("You said: expected."));

        // a usual reading sent now reaches the open page through server-sent events, without a reload,
        // and the alert it ends shows as resolved
        send("2026-01-05T05:00", 250);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> "6".equals(chart("points")));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> browser
                .findElement(By.cssSelector("#alerts li[data-state='RESOLVED']")).getText().contains("back to normal"));

        browser.manage().window().setSize(new Dimension(390, 844));
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow on a phone").isLessThanOrEqualTo(0);
        screenshot("dashboard-phone.png");
        browser.manage().window().setSize(new Dimension(1280, 1100));

        notifier.close();
        await().atMost(Duration.ofSeconds(40)).ignoreExceptions()
                .until(() -> browser.findElement(By.id("banner-notifier")).getText().contains("unreachable"));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> browser.findElement(By.id("alerts-note")).getText().contains("unreachable"));
        // what was there stays on the page
        assertThat(chart("points")).isEqualTo("6");

        system.broker.destroy(); // a controlled shutdown: itself up to half a minute
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> browser.findElement(By.id("banner-broker")).getText().contains("unreachable"));
        assertThat(browser.findElement(By.id("banner-broker")).getText())
                .contains("Showing readings received until");
        assertThat(chart("points")).isEqualTo("6");
        screenshot("dashboard-degraded.png");
    }
}
