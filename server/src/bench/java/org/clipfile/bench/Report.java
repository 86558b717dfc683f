package org.clipfile.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The growth fits, the SVG plot and the Markdown report, all from the results tree. */
final class Report {
    private Report() {}

    /** Power-law exponents by least squares on log-log: latency (or rate) proportional to articles^b. */
    static ObjectNode fits(JsonNode levels, JsonNode chunks) {
        ObjectNode fits = Http.JSON.createObjectNode();
        fits.put("model", "value = a * articles^b, least squares on log-log; b = 0: flat, b = 1: linear");
        for (String arm : List.of("clipfile", "raw", "plain")) {
            for (String p : List.of("p50_ms", "p99_ms")) {
                List<double[]> points = new ArrayList<>();
                for (JsonNode level : levels) {
                    points.add(new double[] {level.path("articles").asDouble(),
                            level.path("query").path(arm).path(p).asDouble()});
                }
                fits.put("latency_" + arm + "_" + p + "_exponent", exponent(points));
            }
        }
        for (String arm : List.of("raw-bulk", "clipfile-bulkwriter")) {
            List<double[]> points = new ArrayList<>();
            for (JsonNode chunk : chunks) {
                if (chunk.path("arm").asString().equals(arm)) {
                    points.add(new double[] {chunk.path("articles_before").asDouble()
                            + chunk.path("docs").asDouble() / 2, chunk.path("docs_per_s").asDouble()});
                }
            }
            fits.put("ingest_" + arm + "_docs_per_s_exponent", exponent(points));
        }
        return fits;
    }

    /** NaN when fewer than two distinct sizes. */
    static double exponent(List<double[]> points) {
        List<double[]> valid = points.stream().filter(p -> p[0] > 0 && p[1] > 0).toList();
        if (valid.size() < 2) {
            return Double.NaN;
        }
        double n = valid.size(), sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : valid) {
            double x = Math.log(p[0]), y = Math.log(p[1]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double d = n * sxx - sx * sx;
        return Math.abs(d) < 1e-12 ? Double.NaN : (n * sxy - sx * sy) / d;
    }

    static String svg(JsonNode r) {
        Plot plot = new Plot(4, "Clipfile vs raw Elasticsearch (" + r.path("started_at").asString().substring(0, 16)
                + " UTC, " + r.path("machine").path("cores").asInt() + " cores, shared machine)");
        for (String p : List.of("p50", "p99")) {
            List<Plot.Series> latency = new ArrayList<>();
            for (String[] l : new String[][] {{"clipfile", "Clipfile " + p, "#cc3311", ""},
                    {"raw", "raw Elasticsearch " + p, "#0077bb", "d"},
                    {"plain", "plain hand-written request " + p, "#009988", "d"}}) {
                List<double[]> points = new ArrayList<>();
                for (JsonNode level : r.path("levels")) {
                    points.add(new double[] {level.path("articles").asDouble(),
                            level.path("query").path(l[0]).path(p + "_ms").asDouble()});
                }
                latency.add(new Plot.Series(l[1], l[2], !l[3].isEmpty(), points));
            }
            plot.lines(p.equals("p50") ? 0 : 1, "Search latency " + p + " (open loop)", "articles (log scale)", "ms",
                    true, latency);
        }
        List<Plot.Series> ingest = new ArrayList<>();
        for (String[] arm : new String[][] {{"raw-bulk", "raw _bulk", "#0077bb"},
                {"clipfile-bulkwriter", "Clipfile bulk writer", "#cc3311"}}) {
            List<double[]> points = new ArrayList<>();
            for (JsonNode c : r.path("growth_chunks")) {
                if (c.path("arm").asString().equals(arm[0])) {
                    points.add(new double[] {c.path("articles_before").asDouble() + c.path("docs").asDouble(),
                            c.path("docs_per_s").asDouble()});
                }
            }
            ingest.add(new Plot.Series(arm[1], arm[2], false, points));
        }
        plot.lines(2, "Loading enriched variants", "articles in the index after the chunk", "docs/s", false,
                ingest);
        JsonNode s = r.path("ingest").path("stage_costs_ms_per_doc");
        JsonNode imp = r.path("ingest").path("summary").path("import");
        plot.bars(3, "Import CPU per article (ms)", "ms CPU per article", List.of(
                new Plot.Bar("read archive", s.path("readMs").asDouble()),
                new Plot.Bar("parse", s.path("parseMs").asDouble()),
                new Plot.Bar("recognition (CoreNLP)", s.path("nerMs").asDouble()),
                new Plot.Bar("entity resolution", s.path("entities_ms").asDouble()),
                new Plot.Bar("place resolution", s.path("placesMs").asDouble()),
                new Plot.Bar("serialization", s.path("serializeMs").asDouble()),
                new Plot.Bar("Elasticsearch (raw bulk)", imp.path("raw-bulk").path("es_cpu_ms_per_doc").asDouble()),
                new Plot.Bar("server, whole import", imp.path("clipfile-import").path("server_cpu_ms_per_doc")
                        .asDouble())));
        return plot.render();
    }

    static String markdown(JsonNode r) {
        StringBuilder md = new StringBuilder();
        JsonNode m = r.path("machine");
        md.append("# Clipfile benchmark report\n\n");
        md.append(String.format(Locale.ROOT, "Run %s to %s. Machine: %d cores (%s), %s, Java %s. Load average at "
                + "start %s, at end %s.%n%nOptions: `%s`%n%n", r.path("started_at").asString(),
                r.path("finished_at").asString(), m.path("cores").asInt(), m.path("cpu").asString(),
                m.path("memory").asString().replaceAll("\\s+", " "), m.path("java").asString(),
                m.path("load_average_start").asString(), r.path("load_average_end").asString(), r.path("options")));
        JsonNode ingest = r.path("ingest");
        JsonNode sum = ingest.path("summary");
        if (!ingest.isObject()) {
            md.append("## Ingest\n\nNot measured in this run (`--search-only`).\n\n");
        } else {
            md.append("## Ingest\n\n");
            md.append(String.format(Locale.ROOT, "%d Reuters-21578 stories imported; %d final documents captured from the "
                    + "index and sent by raw `_bulk` (500 per request, refresh included).%n%n",
                    ingest.path("archive_stories").asInt(), ingest.path("captured_documents").asInt()));
            md.append("| trial | arm | docs | wall s | docs/s | server CPU ms/doc | Elasticsearch CPU ms/doc | driver CPU ms/doc | other processes (cores) |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (String set : List.of("import_trials", "reindex_trials")) {
                for (JsonNode t : ingest.path(set)) {
                    double docs = Math.max(1, t.path("docs").asDouble());
                    double others = Math.max(0, t.path("machineBusyMs").asDouble() - t.path("serverCpuMs").asDouble()
                            - t.path("esCpuMs").asDouble() - t.path("driverCpuMs").asDouble()) / t.path("wallMs").asDouble();
                    md.append(String.format(Locale.ROOT, "| %s %d | %s | %d | %.1f | %.0f | %.2f | %.2f | %.2f | %.2f |%n",
                            set.startsWith("import") ? "import" : "re-index", t.path("round").asInt(),
                            t.path("arm").asString(), t.path("docs").asLong(), t.path("wallMs").asDouble() / 1000,
                            docs * 1000 / t.path("wallMs").asDouble(), t.path("serverCpuMs").asDouble() / docs,
                            t.path("esCpuMs").asDouble() / docs, t.path("driverCpuMs").asDouble() / docs, others));
                }
            }
            JsonNode s = ingest.path("stage_costs_ms_per_doc");
            md.append(String.format(Locale.ROOT, "%nStage costs, CPU ms per article on one thread (%d articles, %.0f words "
                    + "on average): read archive %.3f, parse %.3f, recognition (CoreNLP) %.2f, entity resolution %.3f, "
                    + "place resolution %.3f, serialization %.3f; Clipfile total %.2f. Elasticsearch (raw bulk) %.2f.%n%n",
                    s.path("docs").asInt(), s.path("bodyWords").asDouble(), s.path("readMs").asDouble(),
                    s.path("parseMs").asDouble(), s.path("nerMs").asDouble(), s.path("entities_ms").asDouble(),
                    s.path("placesMs").asDouble(), s.path("serializeMs").asDouble(), s.path("clipfile_cpu_ms").asDouble(),
                    sum.path("predicted_import").path("elasticsearch_cpu_ms_per_doc_raw_bulk").asDouble()));
            JsonNode p = sum.path("predicted_import");
            JsonNode re = sum.path("reindex");
            md.append("| target | measured | met |\n|---|---|---|\n");
            md.append(String.format(Locale.ROOT, "| re-index (Clipfile bulk writer) >= 0.8 x raw `_bulk` | %.0f vs %.0f docs/s = %.3f | %s |%n",
                    re.path("clipfile-bulkwriter").path("docs_per_s").asDouble(),
                    re.path("raw-bulk").path("docs_per_s").asDouble(), re.path("ratio_clipfile_to_raw").asDouble(),
                    yes(re.path("met").asBoolean())));
            md.append(String.format(Locale.ROOT, "| full import >= 0.85 x predicted from stage costs | %.1f vs %.1f docs/s predicted (%.2f of %d cores left by other processes / %.2f ms CPU per doc) = %.3f; against an idle machine (%.1f docs/s): %.3f | %s |%n",
                    p.path("measured_docs_per_s").asDouble(), p.path("predicted_docs_per_s").asDouble(),
                    p.path("cores_available").asDouble(), p.path("cores").asInt(),
                    p.path("clipfile_stage_cpu_ms_per_doc").asDouble()
                            + p.path("elasticsearch_cpu_ms_per_doc_raw_bulk").asDouble(), p.path("ratio").asDouble(),
                    p.path("predicted_docs_per_s_idle_machine").asDouble(), p.path("ratio_idle_machine").asDouble(),
                    yes(p.path("met").asBoolean())));
            md.append(String.format(Locale.ROOT, "%nServer CPU per imported article, measured from /proc: %.2f ms "
                    + "(stage costs add up to %.2f ms), of which the JIT compiler %.2f ms and the garbage collector "
                    + "%.2f ms; Elasticsearch %.2f ms per article during the imports (%.2f in the raw bulk trials). "
                    + "The machine's cores were busy %.0f%% of the import's time (stalls leave cores idle).%n",
                    p.path("server_cpu_ms_per_doc_measured").asDouble(), p.path("clipfile_stage_cpu_ms_per_doc").asDouble(),
                    p.path("server_jit_cpu_ms_per_doc").asDouble(), p.path("server_gc_cpu_ms_per_doc").asDouble(),
                    p.path("elasticsearch_cpu_ms_per_doc_measured").asDouble(),
                    p.path("elasticsearch_cpu_ms_per_doc_raw_bulk").asDouble(),
                    100 * p.path("machine_busy_share").asDouble()));
            if (ingest.has("es_idle_cpu_ms_per_s")) {
                md.append(String.format(Locale.ROOT, "%nElasticsearch idle (10 s, nothing sent): %.1f ms CPU per second; "
                        + "its CPU per document during the Clipfile imports less that idle share: %.2f ms.%n",
                        ingest.path("es_idle_cpu_ms_per_s").asDouble(),
                        ingest.path("es_cpu_ms_per_doc_clipfile_import_less_idle").asDouble()));
            }
            md.append(String.format(Locale.ROOT, "%nFull import vs raw `_bulk` of its output: %.1f vs %.0f docs/s (ratio %.3f).%n%n",
                    sum.path("import").path("clipfile-import").path("docs_per_s").asDouble(),
                    sum.path("import").path("raw-bulk").path("docs_per_s").asDouble(),
                    sum.path("import").path("ratio_clipfile_to_raw").asDouble()));
        }
        md.append("## Search\n\n");
        md.append("| articles | index bytes/article | server live heap MB | searches | rate/s | other processes (cores) | arm | p50 ms | p90 ms | p99 ms | max ms | per-search ratio p50 / p90 | CPU ms per search | disagreements | errors |\n|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---:|---:|---:|\n");
        for (JsonNode level : r.path("levels")) {
            JsonNode q = level.path("query");
            for (String arm : List.of("clipfile", "raw", "plain")) {
                if (!q.has(arm)) {
                    continue;
                }
                JsonNode a = q.path(arm);
                md.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %d | %.1f | %.2f | %s | %.1f | %.1f | %.1f | %.1f | %s | %s | %d | %d |%n",
                        level.path("articles").asLong(), level.path("index_bytes_per_article").asDouble(),
                        level.path("server_live_heap_bytes").asDouble() / 1048576, q.path("searches").asInt(),
                        q.path("achieved_rate_searches_per_s").asDouble(), q.path("other_processes_cores").asDouble(),
                        arm, a.path("p50_ms").asDouble(),
                        a.path("p90_ms").asDouble(), a.path("p99_ms").asDouble(), a.path("max_ms").asDouble(),
                        arm.equals("clipfile") ? String.format(Locale.ROOT, "%.2f / %.2f to raw; %.2f / %.2f to plain",
                                q.path("per_search_ratio").path("p50").asDouble(),
                                q.path("per_search_ratio").path("p90").asDouble(),
                                q.path("per_search_ratio_to_plain").path("p50").asDouble(),
                                q.path("per_search_ratio_to_plain").path("p90").asDouble()) : "",
                        arm.equals("clipfile") ? String.format(Locale.ROOT, "server %.1f",
                                q.path("server_cpu_ms_per_search").asDouble())
                                : String.format(Locale.ROOT, "Elasticsearch %.1f per request (both arms)",
                                q.path("es_cpu_ms_per_request").asDouble()),
                        level.path("arm_disagreements").asInt(), q.path("errors").asInt()));
            }
        }
        md.append("\n| articles | target | limit ms | Clipfile ms | met |\n|---:|---|---:|---:|---|\n");
        for (JsonNode level : r.path("levels")) {
            JsonNode t = level.path("query").path("targets");
            for (String name : List.of("plain_p50", "plain_p99", "server_overhead_p50", "p50", "p99", "facets4_p99")) {
                if (t.has(name)) {
                    md.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f | %s |%n",
                            level.path("articles").asLong(), switch (name) {
                                case "plain_p50" -> "p50 <= plain hand-written request's p50 x 1.5 (issue 17)";
                                case "plain_p99" -> "p99 <= plain hand-written request's p99 x 1.5 (issue 17)";
                                case "server_overhead_p50" -> "p50 - its own request's raw p50 <= 2 ms (issue 17)";
                                case "p50" -> "p50 <= raw p50 x 1.1 + 1 ms";
                                case "p99" -> "p99 <= raw p99 x 1.3 + 3 ms";
                                default -> "p99 < 100 ms, four facets + date histogram + highlighting";
                            }, t.path(name).path("limit_ms").asDouble(), t.path(name).path("clipfile_ms").asDouble(),
                            yes(t.path(name).path("met").asBoolean())));
                }
            }
        }
        JsonNode last = null;
        for (JsonNode level : r.path("levels")) {
            last = level;
        }
        if (last != null) {
            md.append(String.format(Locale.ROOT, "%nBy kind of search at %d articles (Clipfile / its request raw / "
                    + "plain request, ms):%n%n", last.path("articles").asLong()));
            md.append("| kind | count | p50 | p99 |\n|---|---:|---|---|\n");
            last.path("query").path("by_kind").properties().forEach(e -> md.append(String.format(Locale.ROOT,
                    "| %s | %d | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f |%n", e.getKey(),
                    e.getValue().path("count").asInt(),
                    e.getValue().path("clipfile").path("p50_ms").asDouble(),
                    e.getValue().path("raw").path("p50_ms").asDouble(),
                    e.getValue().path("plain").path("p50_ms").asDouble(),
                    e.getValue().path("clipfile").path("p99_ms").asDouble(),
                    e.getValue().path("raw").path("p99_ms").asDouble(),
                    e.getValue().path("plain").path("p99_ms").asDouble())));
        }
        md.append("\n## Growth\n\n");
        md.append("| arm | chunk | articles before | docs | docs/s | Elasticsearch CPU ms/doc | driver CPU ms/doc | other processes (cores) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        int i = 0;
        for (JsonNode c : r.path("growth_chunks")) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.2f | %.2f | %.2f |%n",
                    c.path("arm").asString(), ++i, c.path("articles_before").asLong(), c.path("docs").asInt(),
                    c.path("docs_per_s").asDouble(), c.path("es_cpu_ms_per_doc").asDouble(),
                    c.path("driver_cpu_ms_per_doc").asDouble(), c.path("other_processes_cores").asDouble()));
        }
        md.append("\nFits (value = a x articles^b; b = 0 flat, b = 1 linear):\n\n");
        r.path("growth").properties().forEach(e -> {
            if (!e.getKey().equals("model")) {
                md.append(String.format(Locale.ROOT, "- %s: %s%n", e.getKey(), e.getValue().isNumber()
                        ? String.format(Locale.ROOT, "%.3f", e.getValue().asDouble()) : e.getValue().asString()));
            }
        });
        md.append("\n![plot](benchmark.svg)\n");
        return md.toString();
    }

    private static String yes(boolean met) {
        return met ? "**yes**" : "**no**";
    }
}
