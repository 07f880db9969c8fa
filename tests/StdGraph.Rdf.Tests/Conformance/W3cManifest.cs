using StdGraph.Testing;

namespace StdGraph.Rdf.Tests.Conformance;

internal sealed record ManifestEntry(string Name, string Type, string ActionPath, string? ResultPath, string ActionBaseIri);

/// <summary>Reads a W3C rdf-tests manifest with our own Turtle reader.</summary>
internal static class W3cManifest
{
    private const string Mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    private static readonly Iri Entries = new(Mf + "entries");
    private static readonly Iri Name = new(Mf + "name");
    private static readonly Iri Action = new(Mf + "action");
    private static readonly Iri Result = new(Mf + "result");
    private static readonly Iri AssumedTestBase = new(Mf + "assumedTestBase");

    public static string Folder(string suite) => Path.Combine(ConformanceRoot.Value, "rdf", "rdf11", suite);

    // TestPaths.Conformance assumes the repository sits beside shared/; a git worktree sits one level deeper,
    // so look further up before giving up.
    private static readonly Lazy<string> ConformanceRoot = new(() =>
    {
        if (Directory.Exists(TestPaths.Conformance)) return TestPaths.Conformance;
        for (var dir = new DirectoryInfo(TestPaths.RepositoryRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "conformance", "w3c-rdf-tests");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("W3C test suites not found at " + TestPaths.Conformance);
    });

    public static IReadOnlyDictionary<string, ManifestEntry> Load(string suite, string defaultTestBase)
    {
        var folder = Folder(suite);
        using var reader = new StreamReader(Path.Combine(folder, "manifest.ttl"));
        var triples = new TurtleReader(reader, defaultTestBase + "manifest.ttl").Read().ToList();
        Term? Value(Term s, Iri p) => triples.FirstOrDefault(t => t.Subject == s && t.Predicate == p)?.Obj;

        var manifest = triples.Single(t => t.Predicate == Entries).Subject;
        var testBase = (Value(manifest, AssumedTestBase) as Iri)?.Value ?? defaultTestBase;
        var result = new Dictionary<string, ManifestEntry>();
        for (var cell = Value(manifest, Entries); cell is not null && cell != Vocab.RdfNil; cell = Value(cell, Vocab.RdfRest))
        {
            var entry = Value(cell, Vocab.RdfFirst)!;
            // The entry IRI is unique; mf:name is not (the Turtle manifest names two entries turtle-syntax-bad-num-05).
            var name = entry is Iri id && id.Value.Contains('#') ? id.Value[(id.Value.LastIndexOf('#') + 1)..] : ((Literal)Value(entry, Name)!).Lexical;
            var type = ((Iri)Value(entry, Vocab.RdfType)!).Value;
            var action = FileName((Iri)Value(entry, Action)!);
            var expected = Value(entry, Result) is Iri r ? Path.Combine(folder, FileName(r)) : null;
            result.Add(name, new ManifestEntry(name, type[(type.LastIndexOf('#') + 1)..], Path.Combine(folder, action), expected, testBase + action));
        }
        return result;
    }

    private static string FileName(Iri iri) => iri.Value[(iri.Value.LastIndexOf('/') + 1)..];
}
