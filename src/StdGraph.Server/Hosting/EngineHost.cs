using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StdGraph.Engine;

namespace StdGraph.Server.Hosting;

/// <summary>
/// Holds the engine in service. Given options, it opens (and if need be builds) the data directory when the
/// app starts and disposes the engine when it stops; given an open engine, it only lends it.
/// </summary>
internal sealed class EngineHost : IHostedService, IAsyncDisposable
{
    private readonly EngineOptions? _options;
    private readonly ILogger<EngineHost> _logger;
    private readonly TaskCompletionSource<StdGraphEngine> _engine = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _owned;

    public EngineHost(EngineOptions options, ILogger<EngineHost> logger)
    {
        _options = options;
        _logger = logger;
        _owned = true;
    }

    public EngineHost(StdGraphEngine engine, ILogger<EngineHost> logger)
    {
        _logger = logger;
        _engine.SetResult(engine);
    }

    public bool IsReady => _engine.Task.IsCompletedSuccessfully;

    public string State => _engine.Task.Status switch
    {
        TaskStatus.RanToCompletion => "ready",
        TaskStatus.Faulted or TaskStatus.Canceled => "failed",
        _ => "loading",
    };

    public StdGraphEngine Engine => IsReady ? _engine.Task.Result : throw new InvalidOperationException("the engine is not loaded yet");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options is null || _engine.Task.IsCompleted) return;
        try
        {
            _logger.LogInformation("opening data directory {DataDirectory}", Path.GetFullPath(_options.DataDirectory));
            var progress = new Progress<BuildProgress>(p => _logger.LogInformation("build {Step}: {Detail}", p.Step, p.Detail));
            var engine = await StdGraphEngine.OpenAsync(_options, progress, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("serving generation {Generation}: {Editions} editions", engine.Generation, engine.Catalogue.Editions.Count);
            _engine.SetResult(engine);
        }
        catch (Exception e)
        {
            _engine.TrySetException(e);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_owned && IsReady) await _engine.Task.Result.DisposeAsync().ConfigureAwait(false);
    }
}
