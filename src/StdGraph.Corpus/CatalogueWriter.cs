using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using StdGraph.Core.Catalogue;

namespace StdGraph.Corpus;

/// <summary>Writes editions back in the canonical corpus format (JSON Lines, gzip), so a data directory can be read with <see cref="CatalogueReader"/>.</summary>
public static class CatalogueWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteStandards(string path, IEnumerable<StandardEdition> editions)
    {
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        var buffer = new MemoryStream();
        foreach (var e in editions)
        {
            buffer.SetLength(0);
            using (var w = new Utf8JsonWriter(buffer, Options)) Write(w, e);
            buffer.WriteByte((byte)'\n');
            gz.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }

    public static void WriteCommittees(string path, IEnumerable<Committee> committees) => WriteLines(path, committees, (w, c) =>
    {
        w.WriteString("code", c.Code);
        Texts(w, "title", c.Titles);
        Opt(w, "status", c.Status);
        Opt(w, "secretariat", c.Secretariat);
        Opt(w, "created", c.Created?.ToString());
        Texts(w, "scope", c.Scope);
        List(w, "participants", c.Participants);
        List(w, "observers", c.Observers);
    });

    public static void WriteIcs(string path, IEnumerable<IcsClass> classes) => WriteLines(path, classes, (w, c) =>
    {
        w.WriteString("code", c.Code);
        Opt(w, "parent", c.Parent);
        Texts(w, "title", c.Titles);
        Texts(w, "note", c.Notes);
    });

    private static void WriteLines<T>(string path, IEnumerable<T> items, Action<Utf8JsonWriter, T> body)
    {
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        foreach (var item in items)
        {
            using (var w = new Utf8JsonWriter(gz, Options))
            {
                w.WriteStartObject();
                body(w, item);
                w.WriteEndObject();
            }

            gz.WriteByte((byte)'\n');
        }
    }

    private static void Write(Utf8JsonWriter w, StandardEdition e)
    {
        w.WriteStartObject();
        w.WriteString("code", e.Code);
        Texts(w, "title", e.Titles);
        Opt(w, "status", e.Status?.ToName());
        Opt(w, "type", e.Type);
        Opt(w, "stage", e.Stage);
        Opt(w, "issued", e.Issued?.ToString());
        Opt(w, "effective", e.Effective?.ToString());
        Opt(w, "withdrawn", e.Withdrawn?.ToString());
        Opt(w, "edition", e.Edition);
        List(w, "ics", e.Ics);
        List(w, "ccs", e.Ccs);
        Opt(w, "committee", e.Committee);
        Opt(w, "category", e.Category);
        Texts(w, "abstract", e.Abstracts);
        if (e.Relations.Count > 0)
        {
            w.WriteStartArray("relations");
            foreach (var r in e.Relations)
            {
                w.WriteStartObject();
                w.WriteString("type", r.Type.ToName());
                w.WriteString("target", r.Target);
                Opt(w, "degree", r.Degree?.ToString());
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        List(w, "sources", e.Sources);
        w.WriteEndObject();
    }

    private static void Opt(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }

    private static void List(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void Texts(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string> texts)
    {
        if (texts.Count == 0) return;
        w.WriteStartObject(name);
        foreach (var (lang, text) in texts) w.WriteString(lang, text);
        w.WriteEndObject();
    }
}
