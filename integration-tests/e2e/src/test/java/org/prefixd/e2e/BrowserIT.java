package org.prefixd.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium (headless) on the web console of a prefixd in the lab: admin/admin is
 * refused; with the generated login, the prefixd page shows the delegated prefix and the LAN's
 * subnet, and the LAN's DHCPv6 client (dhcpcd on a LAN host) with its MAC and address; a new
 * ip6hint for the LAN, saved in the console's Configuration page (the metatype form), shows the
 * new subnet on the prefixd page. Screenshots in target/screenshots.
 */
class BrowserIT {
    private static final Path SCREENSHOTS = Path.of(System.getProperty("prefixd.e2e.work", "target/e2e")).resolveSibling("screenshots");

    @Test
    void logInSeeThePrefixChangeTheHintInTheConfigurationPageAndSeeTheNewSubnet() throws Exception {
        Assumptions.assumeTrue(Cmd.isRoot(), "needs root: creates network namespaces");
        for (String program : new String[] {"/usr/bin/chromium", "/usr/bin/chromedriver"})
            assertTrue(Files.isExecutable(Path.of(program)), program + " is missing: apt-get install chromium chromium-driver (./run-tests does)");
        Namespace[] lab = DhcpClientKeaIT.lab();
        try (Namespace isp = lab[0]; Namespace router = lab[1]; Namespace host = new Namespace("pfx-host")) {
            router.lanTo(host, "lan0");
            String mac = host.ip("link", "show", "dev", "eth0").replaceAll("(?s).*link/ether ([0-9a-f:]{17}).*", "$1");
            Path dir = Prefixd.newDirectory("browser");
            Path profile = Files.createTempDirectory(dir, "chromium");
            try (KeaServer kea = new KeaServer(isp, dir.resolve("kea"), 300, 500, 800, 1200);
                 Prefixd prefixd = new Prefixd(router, dir, "console", false)) {
                prefixd.config("prefixd.link-wan.cfg", "interface = wan0\nmode = ethernet\n");
                prefixd.config("prefixd.dhcp6-wan.cfg", "link = wan0\niana = 1\niapd = 2/56\nfirst.solicit.delay = false\n");
                prefixd.config("prefixd.lan-lan0.cfg", "lan = lan0\nhint = 10\ndhcpv6 = stateful\n");
                prefixd.config("prefixd.hook-true.cfg", "script = /bin/true\nstyle = odhcp6c\n");
                Await.until("lan0's subnet", Duration.ofSeconds(20), () -> router.ip("-6", "addr", "show", "dev", "lan0").contains("2001:db8:100:10::1/64"));
                String login = prefixd.webLogin();
                Files.createDirectories(SCREENSHOTS);
                try (ConsoleBridge web = new ConsoleBridge(router, 18081); LanClientProcess dhcpcd = LanClientProcess.dhcpcd(host, dir.resolve("dhcpcd"), "ia_na 1", "eth0")) {
                    ChromeOptions options = new ChromeOptions();
                    options.setBinary("/usr/bin/chromium");
                    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,1000");
                    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
                    // A click that submits a form waits for the next page; once (1 run in many) chromedriver
                    // never saw it load and the click hung for Selenium's 3 minutes. The DOM is enough,
                    // a page that does not load fails in 30 s, and a Save is clicked again once.
                    options.setPageLoadStrategy(org.openqa.selenium.PageLoadStrategy.EAGER);
                    WebDriver browser = new ChromeDriver(service, options);
                    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
                    try {
                        String base = "http://" + "%s@127.0.0.1:" + web.port;
                        browser.get(base.formatted("admin:admin") + "/system/console/prefixd");
                        shot(browser, "01-admin-admin-refused.png");
                        assertFalse(browser.getPageSource().contains("prefixd-links"), "admin/admin got the page");
                        assertEquals(401, EventStreamIT.status(web, "admin:admin", "/system/console/prefixd"));

                        browser.get(base.formatted(login) + "/system/console/prefixd");
                        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
                        wait.until(d -> text(d, "prefixd-leases").contains("2001:db8:100::/56") && text(d, "prefixd-lans").contains("2001:db8:100:10::/64"));
                        // MAC, DUID (hex), address
                        wait.until(d -> text(d, "prefixd-lanclients").matches("(?s).*" + mac + " [0-9a-f]{8,} 2001:db8:100:10:0:" + LanDhcp6IT.macGroups(mac) + ".*"));
                        assertTrue(text(browser, "prefixd-lanclients").contains("by-mac"), text(browser, "prefixd-lanclients"));
                        assertTrue(text(browser, "prefixd-links").contains("BOUND"), text(browser, "prefixd-links"));
                        shot(browser, "02-prefixd-page.png");
                        browser.findElement(By.id("prefixd-renew-wan0")).click();
                        wait.until(d -> text(d, "prefixd-action").startsWith("renew wan0: "));
                        wait.until(d -> text(d, "prefixd-events").contains("prefixd/lease/RENEWED"));

                        browser.get("http://127.0.0.1:" + web.port + "/system/console/configMgr/prefixd.lan~lan0");
                        WebElement hint = wait.until(d -> d.findElements(By.name("hint")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
                        shot(browser, "03-configuration-lan0.png");
                        hint.clear();
                        hint.sendKeys("20");
                        save(browser);
                        wait.until(d -> prefixd.logText().contains("lan0: 2001:db8:100:20::/64"));

                        browser.get("http://127.0.0.1:" + web.port + "/system/console/prefixd");
                        wait.until(d -> text(d, "prefixd-lans").contains("2001:db8:100:20::/64"));
                        assertTrue(router.ip("-6", "addr", "show", "dev", "lan0").contains("2001:db8:100:20::1/64"));
                        shot(browser, "04-prefixd-page-new-subnet.png");

                        // Every other prefixd form saved unchanged, as an owner clicking through would: all still applies
                        int before = prefixd.logText().length();
                        for (String pid : new String[] {"prefixd.link~wan", "prefixd.dhcp6~wan", "prefixd.hook~true", "prefixd.radvd", "prefixd.web"}) {
                            browser.get("http://127.0.0.1:" + web.port + "/system/console/configMgr/" + pid);
                            wait.until(d -> d.findElements(By.xpath("//button[normalize-space()='Save']")).stream().anyMatch(WebElement::isDisplayed));
                            save(browser);
                        }
                        Await.until("the saved configurations applied", Duration.ofSeconds(15), () -> prefixd.logText().substring(before).contains("hook prefixd.hook~true"));
                        String after = prefixd.logText().substring(before);
                        assertFalse(after.contains("not applied") || after.contains("ERROR"), "a form saved unchanged broke a component:\n" + after);
                        Await.until("wan0 bound again (a new configuration is a new client, resuming its lease)", Duration.ofSeconds(15),
                                () -> "BOUND".equals(prefixd.status().getJsonArray("sessions").getJsonObject(0).getString("state")));
                        assertTrue(router.ip("-6", "addr", "show", "dev", "lan0").contains("2001:db8:100:20::1/64"), "lan0 kept its subnet");
                    } finally {
                        browser.quit();
                    }
                }
            }
        }
    }

    /**
     * Clicks the configuration form's Save and waits (20 s) for the page it leads to; clicks again
     * once when that did not come (saving twice is harmless), and waits on when the form is still
     * busy with the first: with the eager page load a click can come before the form's script is
     * ready, or chromedriver can miss the next page's load.
     */
    private static void save(WebDriver browser) {
        By save = By.xpath("//button[normalize-space()='Save']");
        String url = browser.getCurrentUrl();
        for (int attempt = 1; ; attempt++) {
            try {
                browser.findElement(save).click();
            } catch (org.openqa.selenium.TimeoutException e) {
                System.out.println("BrowserIT: the page after Save did not load in 30 s (" + e.getMessage().lines().findFirst().orElse("") + ")");
            } catch (org.openqa.selenium.ElementClickInterceptedException busy) {
                System.out.println("BrowserIT: the form is still busy with the first Save: waiting for it");
            }
            try {
                new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().equals(url));
                return;
            } catch (org.openqa.selenium.TimeoutException stayed) {
                if (attempt == 2) throw stayed;
                System.out.println("BrowserIT: still on " + url + " 20 s after Save: saving again");
            }
        }
    }

    private static String text(WebDriver d, String id) {
        var found = d.findElements(By.id(id));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private static void shot(WebDriver browser, String name) throws java.io.IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
