using System.IO.Compression;
using System.Text;

namespace StdGraph.Corpus;

/// <summary>One physical line of a JSON Lines file, or the reason it could not be read as text.</summary>
internal readonly record struct RawLine(long Number, string? Text, string? Error, string Preview);

/// <summary>
/// Streams the lines of a JSON Lines file (plain or gzip) without holding the file in memory. Each line is decoded
/// on its own with strict UTF-8, so a bad byte spoils one line, not the file. Lines longer than
/// <see cref="MaxLineBytes"/> are skipped with an error, keeping memory bounded.
/// </summary>
internal static class JsonLines
{
    public const int MaxLineBytes = 4 * 1024 * 1024;
    private const int PreviewChars = 2000;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEnumerable<RawLine> Read(string path, Action<string> fileError)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;

        var gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        var buffer = new byte[1 << 16];
        var line = new MemoryStream();
        long number = 0;
        long decompressed = 0;
        var tooLong = false;
        while (true)
        {
            int read;
            try
            {
                read = stream.Read(buffer, 0, buffer.Length);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                fileError($"{Path.GetFileName(path)}: stopped after line {number}: {ex.Message} (the file is truncated or corrupt; records before it were kept)");
                yield break;
            }

            if (read == 0) break;
            decompressed += read;
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n') continue;
                Append(line, buffer, start, i - start, ref tooLong);
                number++;
                yield return Decode(line, number, tooLong);
                line.SetLength(0);
                tooLong = false;
                start = i + 1;
            }

            Append(line, buffer, start, read - start, ref tooLong);
        }

        if (line.Length > 0 || tooLong)
        {
            number++;
            yield return Decode(line, number, tooLong);
        }

        // A gzip file cut at a flush point decompresses without complaint; its trailer then does not hold the size
        // of what was read (the trailer's last four bytes are the uncompressed length modulo 2^32).
        if (gzip && TrailerSize(path) is { } expected && expected != (uint)decompressed)
            fileError($"{Path.GetFileName(path)}: stopped after line {number}: the gzip trailer does not match the data read (the file is truncated or corrupt; records before it were kept)");
    }

    private static uint? TrailerSize(string path)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (f.Length < 18) return null;
        f.Seek(-4, SeekOrigin.End);
        Span<byte> size = stackalloc byte[4];
        f.ReadExactly(size);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(size);
    }

    private static void Append(MemoryStream line, byte[] buffer, int start, int count, ref bool tooLong)
    {
        if (tooLong || count == 0) return;
        if (line.Length + count > MaxLineBytes)
        {
            // Keep a prefix for the report; drop the rest so memory stays bounded.
            var room = (int)Math.Max(0, PreviewChars - line.Length);
            line.Write(buffer, start, Math.Min(room, count));
            tooLong = true;
            return;
        }

        line.Write(buffer, start, count);
    }

    private static RawLine Decode(MemoryStream line, long number, bool tooLong)
    {
        var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
        if (bytes.Length > 0 && bytes[^1] == '\r') bytes = bytes[..^1];
        var preview = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, PreviewChars * 2)]);
        if (preview.Length > PreviewChars) preview = preview[..PreviewChars];
        if (tooLong) return new RawLine(number, null, $"line longer than {MaxLineBytes / (1024 * 1024)} MiB", preview);
        try
        {
            return new RawLine(number, StrictUtf8.GetString(bytes), null, preview);
        }
        catch (DecoderFallbackException ex)
        {
            return new RawLine(number, null, $"invalid UTF-8 at byte {ex.Index}", preview);
        }
    }
}
