using StdGraph.Corpus;
using StdGraph.Rdf;
using StdGraph.Sparql.Remote;

namespace StdGraph.Cli.Failures;

/// <summary>Maps the failures a command can meet to a message for people and a documented exit code.</summary>
internal static class FailureExitCodes
{
    public static (string Message, int ExitCode)? For(Exception ex) => ex switch
    {
        OperationCanceledException => ("cancelled", 130),
        CorpusException e => (e.Message, ExitCodes.DataError),
        GraphSnapshotException e => ($"the data directory is damaged: {e.Message} (run ./stdgraph index)", ExitCodes.DataError),
        GraphBackendUnavailableException e => (e.Message, ExitCodes.Unavailable),
        ArgumentException e => (e.Message, ExitCodes.BadInput),
        FormatException e => (e.Message, ExitCodes.BadInput),
        IOException e => (e.Message, ExitCodes.DataError),
        UnauthorizedAccessException e => (e.Message, ExitCodes.DataError),
        _ => null,
    };
}
