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
 * Every response the browser received from the dashboard while recording, with its body, through Chrome's DevTools
 * protocol (Network domain): what reached the user's machine, also what the page did not show.
 */
public final class NetworkLog implements AutoCloseable {
    private final DevTools devTools;
    private final String origin;
    private final Map<String, String> urls = new ConcurrentHashMap<>();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();

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
            if (r.getResponse().getUrl().startsWith(log.origin)) {
                log.urls.put(r.getRequestId().toString(), r.getResponse().getUrl());
            }
        });
        devTools.addListener(Network.loadingFinished(), f -> log.finished.add(f.getRequestId().toString()));
        return log;
    }

    /** the body of every response from the dashboard so far, by URL (a URL fetched twice: its last body) */
    public Map<String, String> bodies() {
        Awaitility.await("every response from the dashboard loaded").atMost(Duration.ofSeconds(30))
                .until(() -> finished.containsAll(urls.keySet()));
        Map<String, String> bodies = new LinkedHashMap<>();
        urls.forEach((id, url) -> {
            Network.GetResponseBodyResponse body = devTools.send(Network.getResponseBody(new RequestId(id)));
            bodies.put(url, body.getBase64Encoded()
                    ? new String(Base64.getDecoder().decode(body.getBody()), StandardCharsets.UTF_8) : body.getBody());
        });
        return bodies;
    }

    @Override
    public void close() {
        devTools.clearListeners();
        devTools.send(Network.disable());
    }
}
