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
        // Equivalents and answers learn from the whole catalogue on first use: learn now, beside the first requests,
        // so the first question does not spend its execution time limit learning.
        _ = Task.Run(LearnFeatures, CancellationToken.None);
        return Task.CompletedTask;
    }

    private void LearnFeatures()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var features = services.GetRequiredService<FeatureServices>();
            features.Equivalents.Prepare();
            _ = features.Answers;
            logger.LogInformation("equivalents and answers ready in {ElapsedMs:F0} ms", clock.Elapsed.TotalMilliseconds);
        }
        catch (Exception e) when (e is not OutOfMemoryException) // also a disposed engine, if the app stops first
        {
            // The first request that needs them will meet the same failure and report it.
            logger.LogWarning(e, "equivalents and answers could not be prepared ahead of use");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
