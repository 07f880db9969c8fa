using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace StdGraph.Cli.Tests.Reliability;

/// <summary>
/// One request a well-behaved client sends, and what its answer must hold: a 200, a body that parses, no GraphQL
/// <c>errors</c>, and the shape a snapshot fact implies (the adoption of GB/T 22080-2016 has a successor, …).
/// </summary>
internal sealed record Probe(string Name, Func<HttpRequestMessage> Request, Func<JsonElement, string?> Check);

/// <summary>
/// The mixed workload of the reliability tests: Chinese, English and code searches with highlights and facets,
/// editions with one and two hops over every relation kind, works, paths, the field taxonomy, equivalents, SPARQL
/// SELECTs and health checks, each with the answer the whole snapshot must give.
/// </summary>
internal static class QueryMix
{
    private const string Sg = "PREFIX sg: <https://stdgraph.org/ontology#> ";

    public static IReadOnlyList<Probe> All { get; } =
    [
        GraphQL("search zh, highlights, facets",
            "{ search(text: \"信息安全 管理体系\", first: 10) { totalCount edges { highlights node { code title(lang: ZH) } } facets { name values { value count } } pageInfo { hasNextPage endCursor } } }",
            d => Positive(d, "search.totalCount") ?? NonEmpty(d, "search.edges.0.highlights") ?? NonEmpty(d, "search.facets")),
        GraphQL("search zh, filter, one and two hops",
            "{ search(text: \"云计算\", filter: { status: [VALID] }, first: 10) { totalCount edges { highlights node { code title(lang: ZH) adopts { degree standard { code replacedBy { code } } } } } facets { name values { value count } } } }",
            d => NonEmpty(d, "search.edges") ?? NonEmpty(d, "search.facets")),
        GraphQL("search en, filter, highlights",
            "{ search(text: \"information security management\", filter: { status: [VALID] }, first: 10) { totalCount edges { score highlights node { code title(lang: EN) status } } facets { name values { value count } } } }",
            d => Positive(d, "search.totalCount") ?? NonEmpty(d, "search.edges.0.highlights")),
        GraphQL("search code",
            "{ search(text: \"ISO/IEC 27001\", first: 5) { totalCount edges { node { code workKey } } } }",
            d => Equal(d, "search.edges.0.node.workKey", "ISO/IEC 27001")),
        GraphQL("standard: adopts, successor of the adopted edition, history",
            "{ standard(code: \"gbt22080-2016\") { code title(lang: ZH) adopts { degree standard { code replacedBy { code } } } replacedBy { code } history { code issued status } } }",
            d => Equal(d, "standard.code", "GB/T 22080-2016") ?? Equal(d, "standard.adopts.0.standard.replacedBy.0.code", "ISO/IEC 27001:2022") ?? Equal(d, "standard.history.2.code", "GB/T 22080-2025")),
        GraphQL("standard: cites, then who else cites those",
            "{ standard(code: \"GB/T 20271-2006\") { code cites { code citedBy(first: 10) { code } } } }",
            d => Equal(d, "standard.cites.0.code", "GB 17859-1999") ?? NonEmpty(d, "standard.cites.0.citedBy")),
        GraphQL("standard: adoptedBy, replacedBy and its adopters",
            "{ standard(code: \"ISO/IEC 27001:2013\") { adoptedBy { degree standard { code } } replacedBy { code adoptedBy { degree standard { code status } } } } }",
            d => Equal(d, "standard.adoptedBy.0.standard.code", "GB/T 22080-2016") ?? NonEmpty(d, "standard.replacedBy.0.adoptedBy")),
        GraphQL("standard: RFC replaces and cites",
            "{ standard(code: \"RFC 9110\") { code title replaces { code } cites(first: 20) { code inCatalogue } } }",
            d => NonEmpty(d, "standard.replaces") ?? NonEmpty(d, "standard.cites")),
        GraphQL("standard: related, two hops",
            "{ standard(code: \"IEC 61508-1:2010\") { code related(relations: [REPLACES, ADOPTED_BY], depth: 2) { distance relation via { code } standard { code } } } }",
            d => NonEmpty(d, "standard.related")),
        GraphQL("work",
            "{ work(key: \"ISO/IEC 27001\") { key current { code } editions { code status } } }",
            d => Equal(d, "work.current.code", "ISO/IEC 27001:2022") ?? NonEmpty(d, "work.editions")),
        GraphQL("path",
            "{ path(from: \"GB/T 22080-2025\", to: \"ISO/IEC 27001:2013\", maxHops: 4) { length steps { from { code } relation degree to { code } } } }",
            d => Positive(d, "path.length") ?? NonEmpty(d, "path.steps")),
        GraphQL("fields",
            "{ fields { id labelEn labelZh count children { id count } } }",
            d => NonEmpty(d, "fields")),
        GraphQL("field and its standards",
            "{ field(id: \"key-information-technologies\") { labelZh count standards(first: 10) { code title(lang: ZH) } } }",
            d => Positive(d, "field.count") ?? NonEmpty(d, "field.standards")),
        GraphQL("equivalents",
            "{ equivalents(code: \"GB/T 22080-2016\") { found adopts { degree international { code status } successor { code } newerNationalAdoption } } }",
            d => Equal(d, "equivalents.adopts.0.successor.code", "ISO/IEC 27001:2022")),
        Sparql("sparql: who adopts ISO/IEC 27001:2013",
            Sg + "SELECT ?e ?code WHERE { ?e sg:adopts <https://stdgraph.org/id/ISO_IEC_27001_2013> . ?e sg:code ?code }"),
        Sparql("sparql: who cites GB 17859-1999",
            Sg + "SELECT ?a WHERE { ?a sg:cites <https://stdgraph.org/id/GB_17859-1999> } LIMIT 20"),
        Sparql("sparql: one edition's triples",
            "SELECT ?p ?o WHERE { <https://stdgraph.org/id/GB_T_22080-2016> ?p ?o } LIMIT 100"),
        new Probe("healthz", () => new HttpRequestMessage(HttpMethod.Get, "/healthz"), j => Equal(j, "status", "ok")),
    ];

    /// <summary>
    /// Sends the probe and checks its answer; returns why it failed, or null. Throws <see cref="OperationCanceledException"/>
    /// when <paramref name="ct"/> ends the run while the request is in flight (neither an answer nor a failure).
    /// </summary>
    public static async Task<string?> RunAsync(HttpClient client, Probe probe, CancellationToken ct)
    {
        try
        {
            using var response = await client.SendAsync(probe.Request(), ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if ((int)response.StatusCode != 200) return $"{probe.Name}: {(int)response.StatusCode} {Head(text)}";
            JsonElement json;
            try
            {
                using var document = JsonDocument.Parse(text);
                json = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                return $"{probe.Name}: the body is not JSON ({e.Message}): {Head(text)}";
            }

            if (json.TryGetProperty("errors", out var errors)) return $"{probe.Name}: errors {Head(errors.ToString())}";
            var root = json.TryGetProperty("data", out var data) ? data : json;
            return probe.Check(root) is { } wrong ? $"{probe.Name}: {wrong}" : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !ct.IsCancellationRequested)
        {
            return $"{probe.Name}: {e.GetType().Name}: {e.Message}";
        }
    }

    private static Probe GraphQL(string name, string query, Func<JsonElement, string?> check) =>
        new(name, () => new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        }, check);

    private static Probe Sparql(string name, string query) =>
        new(name, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/sparql") { Content = new StringContent(query, Encoding.UTF8, "application/sparql-query") };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/sparql-results+json"));
            return request;
        }, j => NonEmpty(j, "results.bindings"));

    private static string? NonEmpty(JsonElement root, string path) =>
        At(root, path) is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0 ? null : $"{path} is empty or missing";

    private static string? Positive(JsonElement root, string path) =>
        At(root, path) is { ValueKind: JsonValueKind.Number } n && n.GetDouble() > 0 ? null : $"{path} is not a positive number";

    private static string? Equal(JsonElement root, string path, string expected) =>
        At(root, path) is { ValueKind: JsonValueKind.String } s && s.GetString() == expected ? null : $"{path} is not \"{expected}\"";

    /// <summary>The element at a dotted path (<c>search.edges.0.node</c>), or <c>default</c> when any step is missing.</summary>
    private static JsonElement At(JsonElement root, string path)
    {
        var at = root;
        foreach (var step in path.Split('.'))
        {
            if (int.TryParse(step, out var index))
            {
                if (at.ValueKind != JsonValueKind.Array || at.GetArrayLength() <= index) return default;
                at = at[index];
            }
            else if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(step, out at))
            {
                return default;
            }
        }

        return at;
    }

    private static string Head(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
