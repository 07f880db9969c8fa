using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using StdGraph.Answers;
using StdGraph.Answers.Llm;
using StdGraph.Equivalents;

namespace StdGraph.Server.Hosting;

/// <summary>
/// The services built on the engine (equivalents, answers), created once the engine is loaded and shared by every
/// request. They learn from the catalogue on first use, so they are created lazily.
/// </summary>
internal sealed class FeatureServices(EngineHost host, IConfiguration configuration, ILoggerFactory loggers) : IDisposable
{
    /// <summary>One equivalents service per engine: what it learns depends on the catalogue alone, so apps over the same engine share it.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Engine.StdGraphEngine, EquivalentsService> ByEngine = new();

    private readonly Lazy<EquivalentsService> _equivalents = new(() => ByEngine.GetValue(host.Engine, e => EquivalentsService.Create(e)));
    private readonly Lazy<AnswerService> _answers = new(() => new AnswerService(host.Engine, LlmOptions.FromSettings(k => configuration[k]), loggers));

    public EquivalentsService Equivalents => _equivalents.Value;

    public AnswerService Answers => _answers.Value;

    public void Dispose()
    {
        if (_answers.IsValueCreated) _answers.Value.Dispose();
    }
}
