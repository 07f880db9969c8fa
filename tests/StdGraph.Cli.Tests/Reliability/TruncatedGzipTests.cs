using System.IO.Compression;
using System.Text;
using StdGraph.Testing;

namespace StdGraph.Cli.Tests.Reliability;

/// <summary>
/// A gzip file cut where the compressor had flushed (between two lines) decompresses to whole lines and then ends
/// without an error; the records after the cut are lost. The README promises that the cut is reported.
/// </summary>
public sealed class TruncatedGzipTests : IDisposable
{
    private readonly string _work = TestPaths.NewTempDirectory("gzip-cut");

    [Fact]
    public async Task a_gzip_file_cut_between_two_lines_is_reported_as_truncated_not_read_as_complete()
    {
        var corpus = Directory.CreateDirectory(Path.Combine(_work, "corpus")).FullName;
        byte[] whole;
        var cut = 0;
        using (var buffer = new MemoryStream())
        {
            using (var gz = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (var i = 0; i < 100; i++)
                {
                    gz.Write(Encoding.UTF8.GetBytes($$"""{"code": "GB/T {{99500 + i}}-2099", "title": {"en": "Record {{i}}"}, "status": "valid"}""" + "\n"));
                    gz.Flush(); // a sync flush: the compressed bytes so far decode to exactly the lines so far
                    if (i == 49) cut = (int)buffer.Length;
                }
            }

            whole = buffer.ToArray();
        }

        await File.WriteAllBytesAsync(Path.Combine(corpus, "cut.standards.jsonl.gz"), whole[..cut]);

        var result = await WatchedProcess.RunAsync(TimeSpan.FromMinutes(3), TestPaths.RepositoryRoot, "index", "--corpus", corpus, "--data", Path.Combine(_work, "data"), "--json");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Json.GetProperty("standards").GetProperty("read").GetInt64().Should().Be(50, "the records before the cut are kept");
        result.Json.GetProperty("fileErrors").EnumerateArray().Select(e => e.GetString())
            .Should().ContainSingle("a gzip stream without its trailer (CRC and length) is truncated, and the run must say so")
            .Which.Should().Contain("cut.standards.jsonl.gz");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
