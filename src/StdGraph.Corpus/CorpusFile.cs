using System.Text.Json;

namespace StdGraph.Corpus;

public enum CorpusFileKind
{
    Standard,
    Committee,
    Ics,
}

/// <summary>One catalogue file and the kind of record it holds.</summary>
public sealed record CorpusFile(string Path, CorpusFileKind Kind)
{
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>
    /// Finds the catalogue files under each path (a file or a folder). A folder's <c>manifest.json</c>, when present,
    /// names its files and their kinds; otherwise kinds follow the file names (<c>*.standards.jsonl[.gz]</c>,
    /// <c>committees.jsonl[.gz]</c>, <c>ics.jsonl[.gz]</c>).
    /// </summary>
    public static IReadOnlyList<CorpusFile> Discover(IEnumerable<string> paths)
    {
        var files = new List<CorpusFile>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(new CorpusFile(System.IO.Path.GetFullPath(path), KindFromName(path) ?? CorpusFileKind.Standard));
                continue;
            }

            if (!Directory.Exists(path))
                throw new CorpusException($"corpus path '{path}' does not exist");

            var manifest = System.IO.Path.Combine(path, "manifest.json");
            if (File.Exists(manifest))
            {
                files.AddRange(FromManifest(path, manifest));
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(path).Order(StringComparer.Ordinal))
            {
                var kind = KindFromName(file);
                if (kind is not null) files.Add(new CorpusFile(System.IO.Path.GetFullPath(file), kind.Value));
            }
        }

        return files;
    }

    private static IEnumerable<CorpusFile> FromManifest(string folder, string manifest)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(manifest));
        if (!doc.RootElement.TryGetProperty("files", out var list) || list.ValueKind != JsonValueKind.Array)
            throw new CorpusException($"{manifest}: no 'files' array");
        foreach (var entry in list.EnumerateArray())
        {
            var name = entry.TryGetProperty("file", out var f) ? f.GetString() : null;
            var kindText = entry.TryGetProperty("kind", out var k) ? k.GetString() : null;
            if (name is null) throw new CorpusException($"{manifest}: a file entry has no 'file'");
            var kind = kindText switch
            {
                "standard" => CorpusFileKind.Standard,
                "committee" => CorpusFileKind.Committee,
                "ics" => CorpusFileKind.Ics,
                _ => throw new CorpusException($"{manifest}: unknown kind '{kindText}' for {name}"),
            };
            var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, name));
            if (!File.Exists(full)) throw new CorpusException($"{manifest}: listed file {name} does not exist");
            yield return new CorpusFile(full, kind);
        }
    }

    private static CorpusFileKind? KindFromName(string path)
    {
        var name = System.IO.Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal)) name = name[..^3];
        if (!name.EndsWith(".jsonl", StringComparison.Ordinal)) return null;
        if (name.EndsWith(".standards.jsonl", StringComparison.Ordinal)) return CorpusFileKind.Standard;
        if (name.StartsWith("committees", StringComparison.Ordinal)) return CorpusFileKind.Committee;
        if (name.StartsWith("ics", StringComparison.Ordinal)) return CorpusFileKind.Ics;
        return null;
    }
}

/// <summary>A problem with the corpus as a whole (a missing path, a broken manifest), as opposed to one bad record.</summary>
public sealed class CorpusException(string message, Exception? inner = null) : Exception(message, inner);
