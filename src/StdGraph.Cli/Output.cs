using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StdGraph.Cli;

/// <summary>Writes machine-readable JSON (Chinese unescaped) or human text.</summary>
internal static class Output
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void WriteJson(object value)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        Console.Out.WriteLine(JsonSerializer.Serialize(value, Json));
    }

    public static int Error(string message, int exitCode)
    {
        Console.Error.WriteLine("stdgraph: " + message);
        return exitCode;
    }

    /// <summary>True when a person is watching: progress bars and colours are worth drawing.</summary>
    public static bool IsInteractive => !Console.IsOutputRedirected && !Console.IsErrorRedirected;
}
