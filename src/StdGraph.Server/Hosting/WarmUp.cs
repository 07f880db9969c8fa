using System.Diagnostics;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StdGraph.Server.Resolving;

namespace StdGraph.Server.Hosting;

/// <summary>
/// Builds the schema and the in-memory indexes when the app starts, so the first request does not pay for
/// them (and cannot run into the execution timeout doing so).
/// </summary>
internal sealed class WarmUp(IServiceProvider services, ILogger<WarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        services.GetRequiredService<ISchema>().Initialize();
        services.GetRequiredService<StandardDirectory>();
        services.GetRequiredService<IRelationSource>();
        services.GetRequiredService<ISearchService>();
        services.GetRequiredService<IFieldTaxonomy>();
        logger.LogInformation("schema and indexes ready in {ElapsedMs:F0} ms", clock.Elapsed.TotalMilliseconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
