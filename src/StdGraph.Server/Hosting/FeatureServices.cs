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
    private readonly Lazy<EquivalentsService> _equivalents = new(() => EquivalentsService.Create(host.Engine));
    private readonly Lazy<AnswerService> _answers = new(() => new AnswerService(host.Engine, LlmOptions.FromSettings(k => configuration[k]), loggers));

    public EquivalentsService Equivalents => _equivalents.Value;

    public AnswerService Answers => _answers.Value;

    public void Dispose()
    {
        if (_answers.IsValueCreated) _answers.Value.Dispose();
    }
}
