package kz.nobd.deploy.images;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The checkout's files as the checks read them: paths, POMs (DOM), properties files, YAML. */
final class Repo {
    private Repo() {
    }

    static Path root() {
        return Path.of(System.getProperty("nobd.root", "..")).toAbsolutePath().normalize();
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static String text(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Element pom(String relative) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file(relative).toFile())
                    .getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + relative, e);
        }
    }

    /** The child elements of {@code parent} named {@code name}. */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    /** The element at {@code path} below {@code parent} (first match of each step). */
    static Optional<Element> at(Element parent, String... path) {
        Element current = parent;
        for (String step : path) {
            List<Element> next = children(current, step);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get(0);
        }
        return Optional.of(current);
    }

    static String textAt(Element parent, String... path) {
        return at(parent, path).map(e -> e.getTextContent().trim())
                .orElseThrow(() -> new AssertionError("no " + String.join("/", path)));
    }

    /** The text of every child element of the element at {@code path}. */
    static List<String> texts(Element parent, String... path) {
        List<String> values = new ArrayList<>();
        at(parent, path).ifPresent(list -> {
            for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    values.add(e.getTextContent().trim());
                }
            }
        });
        return values;
    }

    static Properties properties(String relative) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file(relative))) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    static Map<String, Object> yaml(String relative) {
        try {
            return new ObjectMapper(new YAMLFactory()).readValue(file(relative).toFile(), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
