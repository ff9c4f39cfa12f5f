package dev.fraiseql.benchmarks.soak;

import dev.fraiseql.benchmarks.Queries;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** The mixed workload's requests: lookups, filtered lists, Relay pages and book-creating mutations. */
final class Workload {

    /** What a request does, with its share of the mix. */
    enum Kind {
        LOOKUP("lookup by id, author and reviews nested", 0.45),
        LIST("20-row list, publishedYear >= Y, by title", 0.25),
        PAGE("100-row Relay page at a random cursor", 0.20),
        MUTATION("mutation: createBook (also refreshes tv_book)", 0.10);

        final String label;
        final double share;

        Kind(String label, double share) {
            this.label = label;
            this.share = share;
        }
    }

    static final String BOOK = "id title price pageCount publishedYear isAvailable tags rating"
            + " author { id name country } reviews { id stars reviewerName }";

    private static final String LOOKUP = "query Book($id: UUID!) { book(id: $id) { " + BOOK + " } }";
    private static final String LIST = "query List($year: Int!) { books(where: {publishedYear: {gte: $year}},"
            + " orderBy: [{title: ASC}], limit: 20) { " + BOOK + " } }";
    private static final String PAGE = "query Page($after: String) { booksConnection(first: 100, after: $after) {"
            + " edges { cursor node { " + BOOK + " } } pageInfo { hasNextPage endCursor } } }";
    private static final String CREATE = "mutation Create($input: CreateBookInput!) { createBook(input: $input) {"
            + " __typename ... on CreateBookSuccess { status book { id title } }"
            + " ... on CreateBookError { status code message } } }";

    private final List<String> lookups;
    private final List<String> lists;
    private final List<String> pages;
    private final String authorId;
    private final double[] shares;

    private Workload(List<String> lookups, List<String> lists, List<String> pages, String authorId, double[] shares) {
        this.lookups = lookups;
        this.lists = lists;
        this.pages = pages;
        this.authorId = authorId;
        this.shares = shares;
    }

    /**
     * The shares of a mix written {@code lookup=45,list=25,page=20,mutation=10} (any positive weights, missing kinds
     * get 0), or the default mix for null.
     */
    static double[] shares(String mix) {
        double[] out = new double[Kind.values().length];
        if (mix == null) {
            for (Kind k : Kind.values()) {
                out[k.ordinal()] = k.share;
            }
            return out;
        }
        double sum = 0;
        for (String part : mix.split(",")) {
            String[] kv = part.split("=", 2);
            Kind kind;
            try {
                kind = Kind.valueOf(kv[0].trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--mix: unknown request kind '" + kv[0] + "'; use lookup, list,"
                        + " page, mutation, as in --mix=lookup=45,list=25,page=20,mutation=10");
            }
            double w = kv.length == 2 ? Double.parseDouble(kv[1]) : -1;
            if (w < 0) {
                throw new IllegalArgumentException("--mix: weight of " + kv[0] + " must be a number >= 0, got '"
                        + (kv.length == 2 ? kv[1] : "") + "'");
            }
            out[kind.ordinal()] = w;
            sum += w;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("--mix: the weights add up to 0");
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    double share(Kind kind) {
        return shares[kind.ordinal()];
    }

    /** Builds the request bodies; the Relay cursors are asked from the server itself, as a client would. */
    static Workload prepare(SoakDatabase db, HttpClient http, String url, double[] shares) throws Exception {
        List<String> ids = db.bookIds(200);
        List<String> lookups = ids.stream().map(id -> Http.body(LOOKUP, Map.of("id", id))).toList();
        List<String> lists = new ArrayList<>();
        for (int year = 2000; year < 2020; year += 2) {
            lists.add(Http.body(LIST, Map.of("year", year)));
        }
        Random random = new Random(20261203L);
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            Http.Answer a = Http.post(http, url, Http.body("query C($id: UUID!) { booksConnection("
                    + "where: {id: {eq: $id}}, first: 1) { edges { cursor } } }", Map.of("id", id)),
                    Duration.ofSeconds(30));
            if (!a.isData()) {
                throw new IllegalStateException("Could not read a cursor: " + a.describe());
            }
            String cursor = a.body().replaceFirst("(?s).*\"cursor\":\"([^\"]+)\".*", "$1");
            pages.add(Http.body(PAGE, Map.of("after", cursor)));
        }
        return new Workload(lookups, lists, pages, db.authorId(), shares);
    }

    /** Picks a kind by its share of the mix. */
    Kind pick(Random random) {
        double r = random.nextDouble();
        double cumulative = 0;
        Kind last = Kind.LOOKUP;
        for (Kind k : Kind.values()) {
            if (shares[k.ordinal()] > 0) {
                last = k;
                cumulative += shares[k.ordinal()];
                if (r < cumulative) {
                    return k;
                }
            }
        }
        return last;
    }

    String body(Kind kind, Random random, String markerPrefix) {
        return switch (kind) {
            case LOOKUP -> lookups.get(random.nextInt(lookups.size()));
            case LIST -> lists.get(random.nextInt(lists.size()));
            case PAGE -> pages.get(random.nextInt(pages.size()));
            case MUTATION -> create(markerPrefix + UUID.randomUUID());
        };
    }

    String lookup(int i) {
        return lookups.get(Math.floorMod(i, lookups.size()));
    }

    String list(int i) {
        return lists.get(Math.floorMod(i, lists.size()));
    }

    /** A createBook request whose title is the marker, so the row can be found again by it. */
    String create(String title) {
        return Http.body(CREATE, Map.of("input", Queries.createBookInput(title, authorId)));
    }

    /** Whether an answer is a good one for this kind: data, no errors, and for a mutation the success member. */
    static boolean good(Kind kind, int status, String body) {
        if (status != 200 || !body.startsWith("{\"data\":{") || body.contains("\"errors\"")) {
            return false;
        }
        return kind != Kind.MUTATION || body.contains("\"__typename\":\"CreateBookSuccess\"");
    }
}
