package app.soiree.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The part of nginx's configuration language the gateway's routing table uses (docker/gateway/nginx.conf), read
 * well enough to answer "where does nginx send {@code METHOD path}": directives and blocks, comments, quoted
 * strings; {@code upstream} names; {@code map $request_method $var}; the {@code location}s of the one
 * {@code server} with nginx's own order of matching (exact, longest prefix, {@code ^~}, regexes in file order).
 */
final class NginxConfig {

    /** One directive: its words (the name first) and its block, if it has one. */
    record Directive(List<String> words, @Nullable List<Directive> block) {

        String name() {
            return words.getFirst();
        }

        List<String> args() {
            return words.subList(1, words.size());
        }

        List<Directive> children(String name) {
            return block == null ? List.of() : block.stream().filter(d -> d.name().equals(name)).toList();
        }

        Optional<Directive> child(String name) {
            return children(name).stream().findFirst();
        }
    }

    /** What nginx does with a request: proxies it to an upstream, answers it itself, or (no location) serves files. */
    record Route(@Nullable Directive location, @Nullable String upstream, @Nullable Integer returned) {

        String describe() {
            String where = location == null ? "no location" : "location " + String.join(" ", location.args());
            return upstream != null ? where + " -> " + upstream : where + " -> return " + returned;
        }
    }

    private final List<Directive> top;

    private NginxConfig(List<Directive> top) {
        this.top = top;
    }

    static NginxConfig read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NginxConfig parse(String text) {
        List<String> tokens = tokenize(text);
        int[] at = {0};
        List<Directive> top = block(tokens, at);
        if (at[0] != tokens.size()) {
            throw new IllegalArgumentException("unbalanced '}' in nginx configuration");
        }
        return new NginxConfig(top);
    }

    Directive http() {
        return top.stream().filter(d -> d.name().equals("http")).findFirst().orElseThrow(() -> new IllegalStateException("no http block"));
    }

    Directive server() {
        List<Directive> servers = http().children("server");
        if (servers.size() != 1) {
            throw new IllegalStateException("the gateway has exactly one server block, found " + servers.size());
        }
        return servers.getFirst();
    }

    List<String> upstreams() {
        return http().children("upstream").stream().map(d -> d.args().getFirst()).toList();
    }

    List<Directive> locations() {
        return server().children("location");
    }

    /** {@code map $request_method $var { METHOD value; default value; }}: the value for a method. */
    @Nullable String methodMap(String variable, String method) {
        for (Directive map : http().children("map")) {
            if (map.args().size() == 2 && map.args().get(0).equals("$request_method") && map.args().get(1).equals(variable)) {
                String fallback = null;
                for (Directive entry : map.block()) {
                    if (entry.name().equals("default")) {
                        fallback = entry.args().getFirst();
                    } else if (entry.name().equals(method)) {
                        return entry.args().getFirst();
                    }
                }
                return fallback;
            }
        }
        throw new IllegalStateException("no map $request_method " + variable);
    }

    /** Where nginx sends this request. */
    Route route(String method, String path) {
        Directive location = match(path);
        if (location == null) {
            return new Route(null, null, null);
        }
        Optional<Directive> proxy = location.child("proxy_pass");
        if (proxy.isPresent()) {
            String target = proxy.get().args().getFirst();
            if (!target.startsWith("http://")) {
                throw new IllegalStateException("proxy_pass " + target + ": the gateway proxies to http://UPSTREAM only");
            }
            String upstream = target.substring("http://".length());
            if (upstream.contains("/")) {
                throw new IllegalStateException("proxy_pass " + target + ": no path (the request's own path is passed on)");
            }
            if (upstream.startsWith("$")) {
                upstream = methodMap(upstream, method);
            }
            return new Route(location, upstream, null);
        }
        Optional<Directive> returned = location.child("return");
        if (returned.isPresent()) {
            return new Route(location, null, Integer.valueOf(returned.get().args().getFirst()));
        }
        throw new IllegalStateException("location " + location.args() + " neither proxies nor returns");
    }

    /** nginx's choice: "=" exact; else the longest prefix; "^~" on it skips regexes; else the first regex that matches. */
    private @Nullable Directive match(String path) {
        Directive longest = null;
        int longestLength = -1;
        List<Directive> regexes = new ArrayList<>();
        for (Directive location : locations()) {
            List<String> args = location.args();
            if (args.size() == 2) {
                String modifier = args.get(0);
                String value = args.get(1);
                switch (modifier) {
                    case "=" -> {
                        if (path.equals(value)) {
                            return location;
                        }
                    }
                    case "^~" -> {
                        if (path.startsWith(value) && value.length() > longestLength) {
                            longest = location;
                            longestLength = value.length();
                        }
                    }
                    case "~", "~*" -> regexes.add(location);
                    default -> throw new IllegalStateException("location modifier " + modifier + " is not used by the gateway");
                }
            } else if (args.size() == 1 && !args.getFirst().startsWith("@")) {
                String prefix = args.getFirst();
                if (path.startsWith(prefix) && prefix.length() > longestLength) {
                    longest = location;
                    longestLength = prefix.length();
                }
            }
        }
        if (longest != null && longest.args().getFirst().equals("^~")) {
            return longest;
        }
        for (Directive regex : regexes) {
            int flags = regex.args().get(0).equals("~*") ? Pattern.CASE_INSENSITIVE : 0;
            if (Pattern.compile(regex.args().get(1), flags).matcher(path).find()) {
                return regex;
            }
        }
        return longest;
    }

    /** The server-level {@code proxy_set_header}s, by header name. */
    Map<String, String> serverHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        server().children("proxy_set_header").forEach(d -> headers.put(d.args().get(0), d.args().get(1)));
        return headers;
    }

    private static List<Directive> block(List<String> tokens, int[] at) {
        List<Directive> directives = new ArrayList<>();
        List<String> words = new ArrayList<>();
        while (at[0] < tokens.size()) {
            String token = tokens.get(at[0]++);
            switch (token) {
                case ";" -> {
                    directives.add(new Directive(List.copyOf(words), null));
                    words.clear();
                }
                case "{" -> {
                    List<Directive> inner = block(tokens, at);
                    if (at[0] > tokens.size() || !tokens.get(at[0] - 1).equals("}")) {
                        throw new IllegalArgumentException("unclosed block " + words);
                    }
                    directives.add(new Directive(List.copyOf(words), inner));
                    words.clear();
                }
                case "}" -> {
                    if (!words.isEmpty()) {
                        throw new IllegalArgumentException("directive without ';': " + words);
                    }
                    return directives;
                }
                default -> words.add(token);
            }
        }
        if (!words.isEmpty()) {
            throw new IllegalArgumentException("directive without ';': " + words);
        }
        return directives;
    }

    /** Words, quoted strings (quotes removed), and the characters { } ; — comments dropped. */
    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '{' || c == '}' || c == ';') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '"' || c == '\'') {
                StringBuilder word = new StringBuilder();
                i++;
                while (i < text.length() && text.charAt(i) != c) {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    word.append(text.charAt(i++));
                }
                if (i >= text.length()) {
                    throw new IllegalArgumentException("unclosed quote in nginx configuration");
                }
                i++;
                tokens.add(word.toString());
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "{};".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }
}
