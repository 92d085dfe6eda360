package kz.nobd.testing.seed;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --name value} options of the seed tools' command lines. */
final class Options {
    private Options() {
    }

    /** The options of {@code args}; an unknown name or a missing value ends the program with status 2. */
    static Map<String, String> parse(String[] args, String program, Collection<String> names) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!names.contains(name) || i + 1 >= args.length) {
                fail(program, "unknown option or missing value: " + args[i] + "; options: --"
                        + String.join(" VALUE, --", names) + " VALUE");
            }
            options.put(name, args[i + 1]);
        }
        return options;
    }

    static void fail(String program, String problem) {
        System.err.println(program + ": " + problem);
        System.exit(2);
    }
}
