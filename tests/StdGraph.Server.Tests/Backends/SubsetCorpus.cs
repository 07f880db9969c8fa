using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using StdGraph.Core.Codes;
using StdGraph.Corpus;
using StdGraph.Testing;

namespace StdGraph.Server.Tests.Backends;

/// <summary>
/// A slice of the real snapshot small enough to load into Virtuoso in seconds: the records of a few families
/// (ISO/IEC 27001 and 27002 with their GB/T adoptions 22080 and 22081, the cloud vocabulary ISO/IEC 17788/17789, RFC 6960),
/// every record whose title mentions cloud computing (云计算), every record that points at one of those, and every
/// record any of these point at. Lines are copied unchanged and files keep the snapshot's order, so merging,
/// mapping and indexing run exactly as on the whole snapshot.
/// </summary>
internal static partial class SubsetCorpus
{
    [GeneratedRegex(@"(?<!\d)(22080|22081|27001|27002|17788|17789)(?!\d)")]
    private static partial Regex SeedFamilies();

    private static readonly HashSet<string> SeedCodes = new(StringComparer.Ordinal) { "RFC 6960" };

    /// <summary>Writes the subset into <paramref name="directory"/> (with a manifest) and returns how many standard records it holds.</summary>
    public static int Write(string directory)
    {
        var files = CorpusFile.Discover([TestPaths.SharedCorpus]);
        var records = files.Where(f => f.Kind == CorpusFileKind.Standard)
            .SelectMany(f => ReadLines(f.Path).Select(line => Record.Read(f, line)))
            .OfType<Record>()
            .ToList();

        var seeds = records.Where(IsSeed).ToList();
        var seedCodes = seeds.Select(r => r.Canonical).ToHashSet(StringComparer.Ordinal);
        var seedWorks = seeds.Select(r => r.WorkKey).ToHashSet(StringComparer.Ordinal);
        var chosen = seeds.Concat(records.Where(r => r.Targets.Any(t => seedCodes.Contains(t.Canonical) || seedWorks.Contains(t.WorkKey)))).ToHashSet();
        var targets = chosen.SelectMany(r => r.Targets).Select(t => t.Canonical).ToHashSet(StringComparer.Ordinal);
        chosen.UnionWith(records.Where(r => targets.Contains(r.Canonical)));

        var manifest = new List<object>();
        foreach (var file in files)
        {
            var name = file.Kind == CorpusFileKind.Standard ? StripGzip(file.Name) : file.Name;
            if (file.Kind == CorpusFileKind.Standard)
                File.WriteAllLines(Path.Combine(directory, name), records.Where(r => r.File == file && chosen.Contains(r)).Select(r => r.Line), new UTF8Encoding(false));
            else
                File.Copy(file.Path, Path.Combine(directory, name));
            manifest.Add(new { file = name, kind = file.Kind.ToString().ToLowerInvariant() });
        }

        File.WriteAllText(Path.Combine(directory, "manifest.json"), JsonSerializer.Serialize(new { name = "subset of the catalogue snapshot", files = manifest }));
        return chosen.Count;
    }

    private static bool IsSeed(Record r) =>
        SeedFamilies().IsMatch(r.Canonical) || SeedCodes.Contains(r.Canonical)
        || r.TitleZh.Contains("云计算", StringComparison.Ordinal)
        || r.TitleEn.Contains("cloud computing", StringComparison.OrdinalIgnoreCase);

    private static string StripGzip(string name) => name.EndsWith(".gz", StringComparison.Ordinal) ? name[..^3] : name;

    private static IEnumerable<string> ReadLines(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) yield return line;
        }
    }

    private sealed record Target(string Canonical, string WorkKey);

    private sealed record Record(CorpusFile File, string Line, string Canonical, string WorkKey, string TitleZh, string TitleEn, IReadOnlyList<Target> Targets)
    {
        /// <summary>The record's keys, or null for a line the reader would reject (none in the snapshot).</summary>
        public static Record? Read(CorpusFile file, string line)
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (!StandardCode.TryParse(root.GetProperty("code").GetString() ?? "", out var code, out _)) return null;
                var titles = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
                var targets = new List<Target>();
                if (root.TryGetProperty("relations", out var relations) && relations.ValueKind == JsonValueKind.Array)
                {
                    foreach (var relation in relations.EnumerateArray())
                    {
                        if (relation.TryGetProperty("target", out var target) && StandardCode.TryParse(target.GetString() ?? "", out var parsed, out _))
                            targets.Add(new Target(parsed.Canonical, parsed.WorkKey));
                    }
                }

                return new Record(file, line, code.Canonical, code.WorkKey, Title(titles, "zh"), Title(titles, "en"), targets);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return null;
            }
        }

        private static string Title(JsonElement titles, string lang) =>
            titles.ValueKind == JsonValueKind.Object && titles.TryGetProperty(lang, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

        // Identity is the line itself: two records of one code in different files are different lines.
        public bool Equals(Record? other) => ReferenceEquals(this, other);

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
    }
}
