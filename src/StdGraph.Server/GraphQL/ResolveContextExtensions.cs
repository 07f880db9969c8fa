using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using StdGraph.Server.GraphQL.Loading;

namespace StdGraph.Server.GraphQL;

internal static class ResolveContextExtensions
{
    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        (context.RequestServices ?? throw new InvalidOperationException("no request services")).GetRequiredService<T>();

    public static RequestLoaders Loaders(this IResolveFieldContext context) => context.Service<RequestLoaders>();

    public static ServerLimits Limits(this IResolveFieldContext context) => context.Service<ServerLimits>();

    /// <summary>The <c>first</c> argument, checked against the page-size limit.</summary>
    public static int First(this IResolveFieldContext context, int fallback)
    {
        var first = context.GetArgument("first", fallback);
        var max = context.Limits().MaxPageSize;
        if (first < 0 || first > max)
            throw new ExecutionError($"'first' must be between 0 and {max}; it was {first}") { Code = ErrorCodes.PageSize };
        return first;
    }
}

/// <summary>The <c>extensions.code</c> values this server adds to GraphQL.NET's own.</summary>
public static class ErrorCodes
{
    public const string BadRequest = "BAD_REQUEST";
    public const string InvalidJson = "INVALID_JSON";
    public const string QueryMissing = "QUERY_MISSING";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string PageSize = "PAGE_SIZE_EXCEEDED";
    public const string TooManyFields = "TOO_MANY_FIELDS";
    public const string TooManyDirectives = "TOO_MANY_DIRECTIVES";
    public const string TooManyInputValues = "TOO_MANY_INPUT_VALUES";
    public const string TooManyErrors = "TOO_MANY_ERRORS";
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string NoFragmentCycles = "NO_FRAGMENT_CYCLES";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string InvalidCode = "INVALID_CODE";
    public const string Timeout = "TIMEOUT";
    public const string NotReady = "NOT_READY";

    /// <summary>A graph field could not be answered because the SPARQL server of the sparql backend does not answer.</summary>
    public const string GraphUnavailable = "GRAPH_UNAVAILABLE";
    public const string Internal = "INTERNAL_ERROR";
}
