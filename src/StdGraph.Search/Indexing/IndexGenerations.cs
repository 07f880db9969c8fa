using System.Globalization;
using System.Text.Json;
using StdGraph.Search.Analysis;

namespace StdGraph.Search.Indexing;

/// <summary>
/// The on-disk layout: <c>&lt;dir&gt;/gen-*/</c> holds complete or partial indexes; <c>&lt;dir&gt;/current</c> names the one
/// that serves. A build writes a new generation and only then replaces <c>current</c> by an atomic rename, so a build
/// killed at any point leaves the previous generation serving.
/// </summary>
internal static class IndexGenerations
{
    private const string Pointer = "current";
    private const string MetadataFile = "stdgraph-index.json";
    private const int SchemaVersion = 1;

    internal sealed record Metadata(int Schema, string Chinese, long Documents, string Built);

    public static string NewGeneration(string indexDirectory)
    {
        Directory.CreateDirectory(indexDirectory);
        var name = "gen-" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        var path = Path.Combine(indexDirectory, name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The serving generation, or null when no build has completed.</summary>
    public static string? Current(string indexDirectory)
    {
        var pointer = Path.Combine(indexDirectory, Pointer);
        if (!File.Exists(pointer)) return null;
        var name = File.ReadAllText(pointer).Trim();
        var path = Path.Combine(indexDirectory, name);
        return name.Length > 0 && Directory.Exists(path) ? path : null;
    }

    public static void WriteMetadata(string generation, ChineseAnalysis chinese, long documents)
    {
        var metadata = new Metadata(SchemaVersion, chinese.ToString(), documents, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        File.WriteAllText(Path.Combine(generation, MetadataFile), JsonSerializer.Serialize(metadata));
    }

    public static Metadata ReadMetadata(string generation)
    {
        var path = Path.Combine(generation, MetadataFile);
        if (!File.Exists(path)) throw new InvalidDataException($"index generation '{generation}' has no {MetadataFile}: it was not completed");
        var metadata = JsonSerializer.Deserialize<Metadata>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"'{path}' is empty");
        if (metadata.Schema != SchemaVersion)
            throw new InvalidDataException($"index '{generation}' has schema {metadata.Schema}; this version reads {SchemaVersion}: rebuild the index");
        return metadata;
    }

    /// <summary>Points <c>current</c> at <paramref name="generation"/> (write a temp file, fsync, rename over).</summary>
    public static void Switch(string indexDirectory, string generation)
    {
        var temp = Path.Combine(indexDirectory, Pointer + "." + Guid.NewGuid().ToString("N") + ".tmp");
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(generation)));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path.Combine(indexDirectory, Pointer), overwrite: true);
    }

    /// <summary>
    /// Removes generations other than the serving one and the one it replaced (kept so a reader opened just before the
    /// switch can finish), and leftovers of killed builds. Best effort: a folder still in use is left for next time.
    /// </summary>
    public static void Prune(string indexDirectory, string current, string? previous)
    {
        foreach (var dir in Directory.EnumerateDirectories(indexDirectory, "gen-*"))
        {
            if (SamePath(dir, current) || (previous is not null && SamePath(dir, previous))) continue;
            try { Directory.Delete(dir, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }

        foreach (var temp in Directory.EnumerateFiles(indexDirectory, Pointer + ".*.tmp"))
        {
            try { File.Delete(temp); }
            catch (IOException) { }
        }
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
}
