package kz.nobd.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One read of a service's {@code /q/metrics} over real HTTP (the Prometheus text format), parsed into samples so that
 * tests can ask for a series by its name and some of its tags.
 */
public final class Scrape {
    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)(?: \\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One line of the text: a series and its value. */
    public record Sample(String name, Map<String, String> tags, double value) {
        boolean matches(String wanted, Map<String, String> some) {
            return name.equals(wanted) && tags.entrySet().containsAll(some.entrySet());
        }
    }

    private final List<Sample> samples;

    private Scrape(List<Sample> samples) {
        this.samples = samples;
    }

    public static Scrape metrics() {
        return parse(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> tags = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher label = LABEL.matcher(m.group(2));
                while (label.find()) {
                    tags.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(m.group(1), tags, Double.parseDouble(m.group(3))));
        }
        return new Scrape(samples);
    }

    /** The series named {@code name} whose tags include {@code tags} (name, value, name, value ...). */
    public List<Sample> series(String name, String... tags) {
        Map<String, String> some = new LinkedHashMap<>();
        for (int i = 0; i + 1 < tags.length; i += 2) {
            some.put(tags[i], tags[i + 1]);
        }
        return samples.stream().filter(s -> s.matches(name, some)).toList();
    }

    /** The sum of those series; 0 when there is none (a counter not yet created). */
    public double sum(String name, String... tags) {
        return series(name, tags).stream().mapToDouble(Sample::value).sum();
    }
}
