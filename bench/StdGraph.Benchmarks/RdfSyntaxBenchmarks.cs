using System.Text;
using BenchmarkDotNet.Attributes;
using StdGraph.Rdf;

namespace StdGraph.Benchmarks;

/// <summary>N-Triples and Turtle throughput on a 200k-triple slice of the snapshot graph.</summary>
[MemoryDiagnoser]
public class RdfSyntaxBenchmarks
{
    private List<Triple> _triples = [];
    private string _ntriples = "";
    private string _turtle = "";

    [GlobalSetup]
    public void Setup()
    {
        var engine = BenchData.OpenEngine();
        _triples = ((MemoryGraphStore)engine.Graph).Match(null, null, null).Take(200_000).ToList();
        _ntriples = NTriplesWriter.ToString(_triples);
        _turtle = TurtleWriter.ToString(_triples);
    }

    [Benchmark] public int ReadNTriples() => new NTriplesReader(new StringReader(_ntriples)).Read().Count();

    [Benchmark] public int ReadTurtle() => new TurtleReader(new StringReader(_turtle), "https://stdgraph.org/").Read().Count();

    [Benchmark] public int WriteNTriples()
    {
        var sb = new StringWriter(new StringBuilder(_ntriples.Length));
        new NTriplesWriter(sb).Write(_triples);
        return sb.GetStringBuilder().Length;
    }

    [Benchmark] public int WriteTurtle()
    {
        var sb = new StringWriter(new StringBuilder(_turtle.Length));
        new TurtleWriter(sb).Write(_triples);
        return sb.GetStringBuilder().Length;
    }
}
