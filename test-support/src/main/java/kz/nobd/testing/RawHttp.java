package kz.nobd.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * HTTP/1.1 written by hand to the service under test, for requests an HTTP client will not send: a Content-Length
 * far above the limit without the body behind it, or a request line tens of kilobytes long. The service answers
 * and closes the connection; the whole answer is read.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** The answer: status, headers (names lower case), body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public JsonPath json() {
            return JsonPath.from(body);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends {@code method target} with {@code headers} (lines without CRLF) and no body, to the test port. */
    public static Answer send(String method, String target, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readAnswer(socket.getInputStream()));
        }
    }

    /** Reads the head, then the body by its Content-Length (or to the end of the stream). */
    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int headEnd = -1;
        long bodyLength = -1;
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            all.write(buffer, 0, n);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0 && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
                for (String line : text.substring(0, headEnd).split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        bodyLength = Long.parseLong(line.substring(15).strip());
                    }
                }
            }
            if (headEnd >= 0 && bodyLength >= 0 && all.size() >= headEnd + 4 + bodyLength) {
                break;
            }
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IllegalStateException("no HTTP answer: '" + text + "'");
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(headEnd + 4));
    }
}
