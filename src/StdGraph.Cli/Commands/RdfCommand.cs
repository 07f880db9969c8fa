using System.CommandLine;
using System.Text;
using StdGraph.Rdf;

namespace StdGraph.Cli.Commands;

/// <summary><c>stdgraph rdf convert IN --to ntriples|turtle [--base IRI]</c>: converts one RDF file.</summary>
internal static class RdfCommand
{
    private static readonly Argument<string> Input = new("input") { Description = "A Turtle (.ttl) or N-Triples (.nt) file." };
    private static readonly Option<string> To = new("--to") { Description = "ntriples or turtle.", DefaultValueFactory = _ => "ntriples" };
    private static readonly Option<string?> Base = new("--base") { Description = "Base IRI for relative IRIs (default: the file's URI)." };
    private static readonly Option<string?> From = new("--from") { Description = "Input syntax, turtle or ntriples (default: by file extension)." };

    public static Command Create()
    {
        var convert = new Command("convert", "Convert one RDF file between Turtle and N-Triples.") { Input, To, Base, From };
        convert.SetAction(parse =>
        {
            var input = parse.GetValue(Input)!;
            if (!File.Exists(input)) return Output.Error($"{input}: no such file", ExitCodes.BadInput);
            var to = parse.GetValue(To)!.ToLowerInvariant();
            if (to is not ("ntriples" or "nt" or "turtle" or "ttl")) return Output.Error($"--to '{to}': expected ntriples or turtle", ExitCodes.BadInput);
            var from = parse.GetValue(From)?.ToLowerInvariant() ?? (input.EndsWith(".nt", StringComparison.OrdinalIgnoreCase) ? "ntriples" : "turtle");
            var baseIri = parse.GetValue(Base) ?? new Uri(Path.GetFullPath(input)).AbsoluteUri;

            List<Triple> triples;
            IReadOnlyDictionary<string, string>? prefixes = null;
            try
            {
                using var reader = new StreamReader(input, new UTF8Encoding(false, true));
                if (from is "ntriples" or "nt")
                {
                    triples = new NTriplesReader(reader).Read().ToList();
                }
                else
                {
                    var turtle = new TurtleReader(reader, baseIri);
                    triples = turtle.Read().ToList();
                    prefixes = turtle.Prefixes;
                }
            }
            catch (RdfSyntaxException ex)
            {
                return Output.Error($"{input}:{ex.Line}:{ex.Column}: {ex.Reason}", ExitCodes.BadInput);
            }
            catch (DecoderFallbackException)
            {
                return Output.Error($"{input}: not valid UTF-8", ExitCodes.BadInput);
            }

            var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            if (to is "ntriples" or "nt") new NTriplesWriter(stdout).Write(triples);
            else new TurtleWriter(stdout, prefixes).Write(triples);
            stdout.Flush();
            return ExitCodes.Success;
        });

        return new Command("rdf", "RDF utilities.") { convert };
    }
}
