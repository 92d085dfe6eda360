package kz.nobd.dashboard.browser.driver;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.network.Network;
import org.openqa.selenium.devtools.v156.network.model.RequestId;

/**
 * Every response the browser received from the dashboard while recording (its static files aside), with its body,
 * through Chrome's DevTools protocol (Network domain): what reached the user's machine, also what the page did not
 * show. Chrome keeps a body only while its page is open: {@link #collect()} before leaving a page.
 */
public final class NetworkLog implements AutoCloseable {
    private final DevTools devTools;
    private final String origin;
    private final Map<String, String> urls = new ConcurrentHashMap<>();
    private final Set<String> done = ConcurrentHashMap.newKeySet();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final Map<String, String> bodies = new LinkedHashMap<>();

    private NetworkLog(DevTools devTools, String origin) {
        this.devTools = devTools;
        this.origin = origin;
    }

    /** starts recording the responses of {@code browser}'s dashboard */
    public static NetworkLog record(Browser browser) {
        DevTools devTools = browser.driver().getDevTools();
        devTools.createSessionIfThereIsNotOne();
        NetworkLog log = new NetworkLog(devTools, browser.base());
        devTools.send(Network.enable(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        devTools.addListener(Network.responseReceived(), r -> {
            String url = r.getResponse().getUrl();
            int status = r.getResponse().getStatus();
            if (url.startsWith(log.origin) && !url.startsWith(log.origin + "/static/") && status != 204
                    && (status < 300 || status >= 400)) {
                log.urls.put(r.getRequestId().toString(), url);
            }
        });
        devTools.addListener(Network.loadingFinished(), f -> log.done.add(f.getRequestId().toString()));
        devTools.addListener(Network.loadingFailed(), f -> log.failed.add(f.getRequestId().toString()));
        return log;
    }

    /** reads the bodies of the responses of the page shown (waiting until each has arrived whole) */
    public void collect() {
        Awaitility.await("every response from the dashboard loaded").atMost(Duration.ofSeconds(60))
                .until(() -> urls.keySet().stream().allMatch(id -> done.contains(id) || failed.contains(id)));
        for (String id : Set.copyOf(urls.keySet())) {
            String url = urls.remove(id);
            if (failed.contains(id)) {
                throw new AssertionError(url + ": loading failed");
            }
            Network.GetResponseBodyResponse body = devTools.send(Network.getResponseBody(new RequestId(id)));
            bodies.put(url, body.getBase64Encoded()
                    ? new String(Base64.getDecoder().decode(body.getBody()), StandardCharsets.UTF_8) : body.getBody());
        }
    }

    /** every body collected, by URL (a URL fetched twice: its last body) */
    public Map<String, String> bodies() {
        collect();
        return bodies;
    }

    @Override
    public void close() {
        devTools.clearListeners();
        devTools.send(Network.disable());
    }
}
