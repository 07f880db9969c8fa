using System.CommandLine;
using System.Text;
using StdGraph.Engine;
using StdGraph.Knowledge;
using StdGraph.Rdf;

namespace StdGraph.Cli.Commands;

/// <summary><c>stdgraph export --format turtle|ntriples [--out FILE]</c>: the whole graph.</summary>
internal static class ExportCommand
{
    private static readonly Option<string> Format = new("--format") { Description = "turtle or ntriples.", DefaultValueFactory = _ => "turtle" };
    private static readonly Option<string?> Out = new("--out") { Description = "Output file (default: standard output)." };

    /// <summary>The prefixes written at the top of Turtle output.</summary>
    public static readonly IReadOnlyDictionary<string, string> Prefixes = new Dictionary<string, string>
    {
        ["sg"] = Sg.Namespace,
        ["id"] = Sg.EditionNamespace,
        ["work"] = Sg.WorkNamespace,
        ["field"] = Sg.FieldNamespace,
        ["rule"] = Sg.RuleNamespace,
        ["committee"] = Sg.CommitteeNamespace,
        ["ics"] = Sg.IcsNamespace,
        ["body"] = Sg.BodyNamespace,
        ["rdf"] = Vocab.Rdf,
        ["rdfs"] = Vocab.Rdfs,
        ["xsd"] = Vocab.Xsd,
        ["owl"] = Vocab.Owl,
        ["skos"] = Vocab.Skos,
        ["dcterms"] = Vocab.Dcterms,
        ["prov"] = Vocab.Prov,
    };

    public static Command Create()
    {
        var command = new Command("export", "Write the whole graph as Turtle or N-Triples.") { Format, Out };
        command.SetAction(async (parse, ct) =>
        {
            var format = parse.GetValue(Format)!.ToLowerInvariant();
            if (format is not ("turtle" or "ttl" or "ntriples" or "nt"))
                return Output.Error($"--format '{format}': expected turtle or ntriples", ExitCodes.BadInput);

            await using var engine = await StdGraphEngine.OpenAsync(GlobalOptions.EngineOptions(parse), ct: ct);
            var triples = engine.Graph is MemoryGraphStore memory
                ? memory.Match(null, null, null)
                : await engine.Graph.MatchAsync(null, null, null, ct: ct);
            var path = parse.GetValue(Out);
            var temp = path is null ? null : path + ".tmp";
            await using (var stream = temp is null ? Console.OpenStandardOutput() : File.Create(temp))
            await using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16))
            {
                if (format is "turtle" or "ttl") new TurtleWriter(writer, Prefixes).Write(triples);
                else new NTriplesWriter(writer).Write(triples);
            }

            if (temp is not null) File.Move(temp, path!, overwrite: true);
            return ExitCodes.Success;
        });
        return command;
    }
}
