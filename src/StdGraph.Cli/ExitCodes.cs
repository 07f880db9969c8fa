namespace StdGraph.Cli;

/// <summary>Process exit codes (documented in the README).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary><c>--strict</c> was given and records were rejected.</summary>
    public const int RejectedRecords = 1;

    /// <summary>Bad arguments or input (an unparseable code, an unknown option value).</summary>
    public const int BadInput = 2;

    /// <summary>What was asked for is not in the data (an unknown code).</summary>
    public const int NotFound = 3;

    /// <summary>The corpus or the data directory cannot be used.</summary>
    public const int DataError = 4;

    /// <summary>A backend (SPARQL server, LLM endpoint) is unavailable.</summary>
    public const int Unavailable = 5;
}
