using System.Xml.Linq;
using StdGraph.Rdf;
using StdGraph.Sparql.Results;
using StdGraph.Testing;

namespace StdGraph.Sparql.Tests.Conformance;

internal sealed record SparqlTestEntry(string Manifest, string Name, string Type, string? QueryPath, IReadOnlyList<string> DataPaths,
    IReadOnlyList<string> GraphDataPaths, string? ResultPath, string BaseIri);

/// <summary>Expected or actual results in one shape: rows (null variables for graphs), a boolean, or triples.</summary>
internal sealed record ExpectedResults(IReadOnlyList<IReadOnlyDictionary<string, Term>>? Rows, bool? Boolean, IReadOnlyList<Triple>? Graph);

/// <summary>Reads the W3C SPARQL test manifests (data-r2) and their expected results (.srx, .srj, result-set Turtle, graphs).</summary>
internal static class SparqlTestSuite
{
    private const string Mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    private const string Qt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
    private const string Rs = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#";
    public const string Sparql10Base = "http://www.w3.org/2001/sw/DataAccess/tests/data-r2/";

    public static readonly Lazy<string> Root = new(() =>
    {
        if (Directory.Exists(TestPaths.Conformance)) return Path.Combine(TestPaths.Conformance, "sparql", "sparql10");
        // A git worktree sits deeper than the main checkout; look further up for shared/.
        for (var dir = new DirectoryInfo(TestPaths.RepositoryRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "conformance", "w3c-rdf-tests", "sparql", "sparql10");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("W3C SPARQL suite not found beside " + TestPaths.RepositoryRoot);
    });

    public static IReadOnlyList<SparqlTestEntry> Load(string manifest)
    {
        var folder = Path.Combine(Root.Value, manifest);
        var baseIri = Sparql10Base + manifest + "/";
        using var reader = new StreamReader(Path.Combine(folder, "manifest.ttl"));
        var triples = new TurtleReader(reader, baseIri + "manifest.ttl").Read().ToList();
        Term? Value(Term s, string p) => triples.FirstOrDefault(t => t.Subject == s && t.Predicate.Value == p)?.Obj;
        IEnumerable<Term> Values(Term s, string p) => triples.Where(t => t.Subject == s && t.Predicate.Value == p).Select(t => t.Obj);
        string Local(Term iri) => Path.Combine(folder, ((Iri)iri).Value[(((Iri)iri).Value.LastIndexOf('/') + 1)..]);

        var list = triples.Single(t => t.Predicate.Value == Mf + "entries").Obj;
        var result = new List<SparqlTestEntry>();
        for (var cell = list; cell != Vocab.RdfNil; cell = Value(cell, Vocab.RdfRest.Value)!)
        {
            var entry = Value(cell, Vocab.RdfFirst.Value)!;
            var name = entry is Iri id ? id.Value[(id.Value.LastIndexOf('#') + 1)..] : ((Literal)Value(entry, Mf + "name")!).Lexical;
            var type = ((Iri)Value(entry, Vocab.RdfType.Value)!).Value;
            var action = Value(entry, Mf + "action");
            string? query = null;
            var data = new List<string>();
            var graphData = new List<string>();
            if (action is Iri) query = Local(action);
            else if (action is not null)
            {
                query = Value(action, Qt + "query") is { } q ? Local(q) : null;
                data.AddRange(Values(action, Qt + "data").Select(Local));
                graphData.AddRange(Values(action, Qt + "graphData").Select(Local));
            }
            var expected = Value(entry, Mf + "result") is Iri r ? Local(r) : null;
            var queryBase = query is null ? baseIri : baseIri + Path.GetFileName(query);
            result.Add(new SparqlTestEntry(manifest, name, type[(type.LastIndexOf('#') + 1)..], query, data, graphData, expected, queryBase));
        }
        return result;
    }

    public static IEnumerable<Triple> ReadData(string path, string manifest) =>
        new TurtleReader(new StreamReader(path), Sparql10Base + manifest + "/" + Path.GetFileName(path)).Read();

    public static ExpectedResults ReadExpected(string path, string manifest, bool graphForm)
    {
        var extension = Path.GetExtension(path);
        if (extension == ".srx") return ReadXml(path);
        if (extension == ".srj")
        {
            using var stream = File.OpenRead(path);
            var parsed = SparqlJsonResultsReader.ReadAsync(stream, CancellationToken.None).GetAwaiter().GetResult();
            return new ExpectedResults(parsed.Boolean is null ? parsed.Rows : null, parsed.Boolean, null);
        }
        if (extension is ".ttl" or ".nt")
        {
            var triples = ReadData(path, manifest).ToList();
            return graphForm ? new ExpectedResults(null, null, triples) : ReadResultSetGraph(triples);
        }
        throw new NotSupportedException($"expected results in {extension} (e.g. RDF/XML) cannot be read by this harness");
    }

    private static ExpectedResults ReadXml(string path)
    {
        XNamespace ns = "http://www.w3.org/2005/sparql-results#";
        var doc = XDocument.Load(path);
        var boolean = doc.Root!.Element(ns + "boolean");
        if (boolean is not null) return new ExpectedResults(null, boolean.Value.Trim() == "true", null);
        var rows = new List<IReadOnlyDictionary<string, Term>>();
        foreach (var result in doc.Root.Element(ns + "results")?.Elements(ns + "result") ?? [])
        {
            var row = new Dictionary<string, Term>();
            foreach (var binding in result.Elements(ns + "binding"))
            {
                var value = binding.Elements().First();
                row[binding.Attribute("name")!.Value] = value.Name.LocalName switch
                {
                    "uri" => new Iri(value.Value),
                    "bnode" => new BlankNode(value.Value),
                    _ => value.Attribute(XNamespace.Xml + "lang") is { } lang ? Literal.LangString(value.Value, lang.Value)
                        : value.Attribute("datatype") is { } dt ? Literal.Typed(value.Value, new Iri(dt.Value))
                        : Literal.String(value.Value),
                };
            }
            rows.Add(row);
        }
        return new ExpectedResults(rows, null, null);
    }

    private static ExpectedResults ReadResultSetGraph(List<Triple> triples)
    {
        Term? Value(Term s, string p) => triples.FirstOrDefault(t => t.Subject == s && t.Predicate.Value == p)?.Obj;
        var set = triples.First(t => t.Predicate == Vocab.RdfType && t.Obj is Iri { Value: Rs + "ResultSet" }).Subject;
        if (Value(set, Rs + "boolean") is Literal b) return new ExpectedResults(null, b.Lexical == "true", null);
        var solutions = triples.Where(t => t.Subject == set && t.Predicate.Value == Rs + "solution").Select(t => t.Obj).ToList();
        var rows = new List<(int Index, IReadOnlyDictionary<string, Term> Row)>();
        foreach (var solution in solutions)
        {
            var row = new Dictionary<string, Term>();
            foreach (var binding in triples.Where(t => t.Subject == solution && t.Predicate.Value == Rs + "binding").Select(t => t.Obj))
                row[((Literal)Value(binding, Rs + "variable")!).Lexical] = Value(binding, Rs + "value")!;
            var index = Value(solution, Rs + "index") is Literal i ? int.Parse(i.Lexical, System.Globalization.CultureInfo.InvariantCulture) : 0;
            rows.Add((index, row));
        }
        return new ExpectedResults(rows.OrderBy(r => r.Index).Select(r => r.Row).ToList(), null, null);
    }

    /// <summary>Solution sequences equal up to blank-node renaming; in order when <paramref name="ordered"/>.</summary>
    public static bool SameSolutions(IReadOnlyList<IReadOnlyDictionary<string, Term>> expected, IReadOnlyList<IReadOnlyDictionary<string, Term>> actual, bool ordered)
    {
        if (expected.Count != actual.Count) return false;
        return Match(expected, actual, 0, new bool[actual.Count], new Dictionary<string, string>(), new Dictionary<string, string>(), ordered);
    }

    private static bool Match(IReadOnlyList<IReadOnlyDictionary<string, Term>> e, IReadOnlyList<IReadOnlyDictionary<string, Term>> a, int i, bool[] used,
        Dictionary<string, string> map, Dictionary<string, string> back, bool ordered)
    {
        if (i == e.Count) return true;
        for (var j = ordered ? i : 0; j < (ordered ? i + 1 : a.Count); j++)
        {
            if (used[j]) continue;
            var newMap = new Dictionary<string, string>(map);
            var newBack = new Dictionary<string, string>(back);
            if (!RowEqual(e[i], a[j], newMap, newBack)) continue;
            used[j] = true;
            if (Match(e, a, i + 1, used, newMap, newBack, ordered)) return true;
            used[j] = false;
        }
        return false;
    }

    private static bool RowEqual(IReadOnlyDictionary<string, Term> e, IReadOnlyDictionary<string, Term> a, Dictionary<string, string> map, Dictionary<string, string> back)
    {
        if (e.Count != a.Count) return false;
        foreach (var (name, expected) in e)
        {
            if (!a.TryGetValue(name, out var actual)) return false;
            if (expected is BlankNode eb && actual is BlankNode ab)
            {
                if (map.TryGetValue(eb.Label, out var mapped) ? mapped != ab.Label : back.ContainsKey(ab.Label)) return false;
                map[eb.Label] = ab.Label;
                back[ab.Label] = eb.Label;
            }
            else if (!TermEqual(expected, actual)) return false;
        }
        return true;
    }

    // Numbers computed by the engine may be spelled differently from the expected file ("2.0" vs "2.00"); same type, same value is the same result.
    private static bool TermEqual(Term expected, Term actual)
    {
        if (expected == actual) return true;
        if (expected is Literal e && actual is Literal a && e.Datatype == a.Datatype && e.Datatype.Value is Vocab.Xsd + "decimal" or Vocab.Xsd + "double" or Vocab.Xsd + "float")
            return double.TryParse(e.Lexical, System.Globalization.CultureInfo.InvariantCulture, out var x)
                && double.TryParse(a.Lexical, System.Globalization.CultureInfo.InvariantCulture, out var y) && x == y;
        return false;
    }
}
