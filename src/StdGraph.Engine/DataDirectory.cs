using System.Text.Json;

namespace StdGraph.Engine;

/// <summary>
/// The on-disk layout of built data. Each build writes a new generation folder (<c>gen-…</c>) and, only when it is
/// complete, points <c>CURRENT</c> at it with an atomic rename; a build killed at any point leaves the previous
/// generation serving. Older generations are removed after a successful switch.
/// </summary>
public sealed class DataDirectory
{
    public const string EditionsFile = "editions.jsonl.gz";
    public const string CommitteesFile = "committees.jsonl.gz";
    public const string IcsFile = "ics.jsonl.gz";
    public const string GraphFile = "graph.snapshot";
    public const string IndexFolder = "index";
    public const string SummaryFile = "summary.json";
    public const string RejectedFile = "rejected.jsonl";

    public DataDirectory(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    private string CurrentPointer => Path.Combine(Root, "CURRENT");

    /// <summary>The generation folder in service, or null when nothing has been built yet.</summary>
    public string? CurrentGeneration
    {
        get
        {
            if (!File.Exists(CurrentPointer)) return null;
            var name = File.ReadAllText(CurrentPointer).Trim();
            var path = Path.Combine(Root, name);
            return name.Length > 0 && Directory.Exists(path) ? path : null;
        }
    }

    public bool Exists => CurrentGeneration is not null;

    /// <summary>The rejected-records report of the current build (kept at the data directory's top level).</summary>
    public string RejectedPath => Path.Combine(Root, RejectedFile);

    public string NewGeneration()
    {
        Directory.CreateDirectory(Root);
        var name = $"gen-{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Environment.ProcessId}";
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Makes <paramref name="generation"/> the one in service, atomically, and removes older ones.</summary>
    public void Publish(string generation)
    {
        var temp = CurrentPointer + ".tmp-" + Environment.ProcessId;
        using (var f = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        using (var w = new StreamWriter(f))
        {
            w.Write(Path.GetFileName(generation));
            w.Flush();
            f.Flush(flushToDisk: true);
        }

        File.Move(temp, CurrentPointer, overwrite: true);
        foreach (var dir in Directory.EnumerateDirectories(Root, "gen-*"))
        {
            if (Path.GetFileName(dir) == Path.GetFileName(generation)) continue;
            TryDelete(dir);
        }
    }

    /// <summary>Removes generation folders left by builds that never published (killed or failed).</summary>
    public void RemoveAbandoned(string? keep)
    {
        if (!Directory.Exists(Root)) return;
        var current = CurrentGeneration;
        foreach (var dir in Directory.EnumerateDirectories(Root, "gen-*"))
        {
            if (dir == current || dir == keep) continue;
            TryDelete(dir);
        }
    }

    public static void WriteJsonAtomically<T>(string path, T value, JsonSerializerOptions options)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(value, options));
        File.Move(temp, path, overwrite: true);
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // In use by a running server (open index files); it goes on the next build.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
