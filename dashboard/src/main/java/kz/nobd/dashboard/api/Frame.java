package kz.nobd.dashboard.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import kz.nobd.dashboard.service.Viewer;

/** What every page shows around its content: the language, the user, the address to come back to after a switch. */
public record Frame(String language, Viewer viewer, String path) {

    /** the current page, for /language/{code}?back= */
    public String back() {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}
