using StdGraph.Answers.Llm;
using StdGraph.Answers.Retrieval;
using StdGraph.Engine;
using StdGraph.Testing;

namespace StdGraph.Answers.Tests.Fixtures;

/// <summary>
/// The real snapshot plus the answers fixture (a fictional record whose title is a prompt injection), built once per
/// test run into a temporary data directory and opened through the engine.
/// </summary>
public sealed class AnswerData : IAsyncLifetime
{
    private readonly string _dataDirectory = TestPaths.NewTempDirectory("answers");
    private StdGraphEngine? _engine;

    public static string FixtureCorpus => Path.Combine(TestPaths.Fixtures, "answers");

    public StdGraphEngine Engine => _engine ?? throw new InvalidOperationException("not initialised");

    internal IStandardsSource Source { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new EngineOptions
        {
            CorpusPaths = [TestPaths.SharedCorpus, FixtureCorpus],
            DataDirectory = _dataDirectory,
            OntologyDirectory = TestPaths.Ontology,
        };
        await DataBuilder.BuildAsync(options);
        _engine = await StdGraphEngine.OpenAsync(options);
        Source = new CatalogueStandardsSource(_engine.Catalogue, _engine.Classifier);
    }

    /// <summary>A service over the shared data; with <paramref name="llm"/> it asks that model first.</summary>
    internal AnswerService Service(LlmOptions? llm = null, Microsoft.Extensions.Logging.ILoggerFactory? logs = null) => new(Source, llm, logs);

    public async Task DisposeAsync()
    {
        if (_engine is not null) await _engine.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AnswerDataCollection : ICollectionFixture<AnswerData>
{
    public const string Name = "answer data";
}
