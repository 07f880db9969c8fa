using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StdGraph.Server.Http;
using StdGraph.Sparql.Remote;

namespace StdGraph.Server.GraphQL;

/// <summary>
/// A graph field that meets an unreachable SPARQL server answers one clear, stable error (<see cref="ErrorCodes.GraphUnavailable"/>)
/// instead of GraphQL.NET's "Error trying to resolve field" with codes derived from exception type names. Fields served by
/// the catalogue and the search index do not touch the graph, so they keep answering in the same request.
/// </summary>
internal static class GraphOutage
{
    public const string Message =
        "the standards graph is unavailable right now (its SPARQL server does not answer); search and catalogue fields still answer, graph fields will again once it is back";

    /// <summary>The unhandled-exception handler of the schema: graph outages become the clear error, anything else is logged as a failure.</summary>
    public static void Handle(UnhandledExceptionContext context)
    {
        var logger = context.ExecutionOptions.RequestServices?.GetService<ILogger<GraphQLHttpHandler>>();
        if (Find(context.OriginalException) is { } outage)
        {
            // One request may fail many fields on one outage; the request log names the code, the health check the state.
            logger?.LogDebug("graph field {Field} failed: {Reason}", context.FieldContext?.FieldDefinition.Name, outage.Message);
            context.Exception = new ExecutionError(Message) { Code = ErrorCodes.GraphUnavailable };
            return;
        }

        logger?.LogError(context.OriginalException, "resolver failed");
    }

    private static GraphBackendUnavailableException? Find(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is GraphBackendUnavailableException outage) return outage;
            if (e is AggregateException { InnerExceptions.Count: 1 } single) return Find(single.InnerExceptions[0]);
        }

        return null;
    }
}
