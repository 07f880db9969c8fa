using StdGraph.Testing;

namespace StdGraph.Rdf.Tests.Store;

public sealed class SnapshotTests : IDisposable
{
    private readonly string _folder = TestPaths.NewTempDirectory("rdf-snapshot");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static List<Triple> VariedTriples()
    {
        var s = new Iri("https://stdgraph.org/id/GB_T_22239-2019");
        return
        [
            new Triple(s, Vocab.RdfType, new Iri("https://stdgraph.org/ontology#Edition")),
            new Triple(s, Vocab.RdfsLabel, Literal.LangString("信息安全技术 网络安全等级保护基本要求", "zh")),
            new Triple(s, Vocab.RdfsLabel, Literal.LangString("Baseline for classified protection", "en-GB")),
            new Triple(s, Vocab.DctermsIssued, Literal.Date("2019-05-10")),
            new Triple(s, Vocab.DctermsIdentifier, Literal.String("GB/T 22239-2019")),
            new Triple(s, new Iri("urn:p:count"), Literal.Integer(-42)),
            new Triple(s, new Iri("urn:p:note"), Literal.String("line1\nline2 \"quoted\" 😀")),
            new Triple(new BlankNode("b1"), Vocab.DctermsReferences, s),
            new Triple(s, new Iri("urn:p:weird"), Literal.Typed("x", new Iri("urn:dt:custom"))),
            new Triple(s, new Iri("urn:p:weird"), Literal.Typed("y", new Iri("urn:dt:custom"))),
        ];
    }

    [Fact]
    public void saved_snapshot_loads_back_the_same_graph()
    {
        var store = new MemoryGraphStore();
        store.BulkLoad(VariedTriples());
        var path = Path.Combine(_folder, "graph.snapshot");
        store.SaveSnapshot(path);

        var loaded = MemoryGraphStore.LoadSnapshot(path);
        loaded.Match(null, null, null).ShouldBeSameTriples(VariedTriples());
        loaded.Match(null, Vocab.RdfsLabel, Literal.LangString("Baseline for classified protection", "en-gb")).Should().ContainSingle();
        Directory.GetFiles(_folder).Should().ContainSingle("the temp file is renamed, not left behind");
    }

    [Fact]
    public void a_loaded_store_accepts_new_triples()
    {
        var store = new MemoryGraphStore();
        var path = Path.Combine(_folder, "empty.snapshot");
        store.SaveSnapshot(path);
        var loaded = MemoryGraphStore.LoadSnapshot(path);
        loaded.Count.Should().Be(0);
        loaded.Add(VariedTriples());
        loaded.Count.Should().Be(VariedTriples().Count);
    }

    [Fact]
    public void a_larger_random_graph_round_trips()
    {
        var random = new Random(7);
        var triples = Enumerable.Range(0, 20_000).Select(_ => new Triple(
            new Iri("urn:s" + random.Next(3000)), new Iri("urn:p" + random.Next(20)),
            random.Next(2) == 0 ? new Iri("urn:s" + random.Next(3000)) : Literal.Integer(random.Next(500)))).ToList();
        var store = new MemoryGraphStore();
        store.BulkLoad(triples);
        var path = Path.Combine(_folder, "random.snapshot");
        store.SaveSnapshot(path);
        var loaded = MemoryGraphStore.LoadSnapshot(path);
        loaded.Match(null, null, null).ShouldBeSameTriples(store.Match(null, null, null));
        loaded.Match(null, new Iri("urn:p3"), null).ShouldBeSameTriples(store.Match(null, new Iri("urn:p3"), null));
    }

    [Fact]
    public void truncated_snapshot_gives_a_clear_error()
    {
        var path = SaveSample("truncated.snapshot");
        var bytes = File.ReadAllBytes(path);
        foreach (var keep in new[] { 5, 20, bytes.Length / 2, bytes.Length - 1 })
        {
            File.WriteAllBytes(path, bytes[..keep]);
            var act = () => MemoryGraphStore.LoadSnapshot(path);
            act.Should().Throw<GraphSnapshotException>().Which.Message.Should().Contain(path).And.MatchRegex("truncated|corrupt|checksum");
        }
    }

    [Fact]
    public void a_flipped_byte_is_caught_by_the_checksum()
    {
        var path = SaveSample("flipped.snapshot");
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        var act = () => MemoryGraphStore.LoadSnapshot(path);
        act.Should().Throw<GraphSnapshotException>().Which.Reason.Should().MatchRegex("checksum|corrupt");
    }

    [Fact]
    public void a_file_that_is_not_a_snapshot_is_named_as_such()
    {
        var path = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(path, "This is a text file, certainly long enough to have a header and a checksum.");
        var act = () => MemoryGraphStore.LoadSnapshot(path);
        act.Should().Throw<GraphSnapshotException>().Which.Reason.Should().Contain("not a StdGraph graph snapshot");
    }

    [Fact]
    public void a_newer_format_version_is_refused_with_the_version_number()
    {
        var path = SaveSample("future.snapshot");
        var bytes = File.ReadAllBytes(path);
        bytes[8] = 99;
        File.WriteAllBytes(path, bytes);
        var act = () => MemoryGraphStore.LoadSnapshot(path);
        act.Should().Throw<GraphSnapshotException>().Which.Reason.Should().Contain("version 99");
    }

    [Fact]
    public void an_interrupted_write_leaves_the_previous_snapshot_usable()
    {
        var path = SaveSample("interrupted.snapshot");
        var bigger = new MemoryGraphStore();
        bigger.BulkLoad(Enumerable.Range(0, 50_000).Select(i => new Triple(new Iri("urn:s" + i), Vocab.RdfsLabel, Literal.String("label " + i))));

        var act = () => bigger.SaveSnapshot(path, file => new FailingStream(file, failAfterBytes: 4096));
        act.Should().Throw<IOException>().WithMessage("*simulated*");

        MemoryGraphStore.LoadSnapshot(path).Match(null, null, null).ShouldBeSameTriples(VariedTriples());
        Directory.GetFiles(_folder).Should().ContainSingle("the partial temp file is removed");
    }

    [Fact]
    public void a_temp_file_left_by_a_crash_does_not_affect_loading_or_the_next_save()
    {
        var path = SaveSample("crashed.snapshot");
        File.WriteAllBytes(Path.Combine(_folder, ".crashed.snapshot.deadbeef.tmp"), [1, 2, 3]);
        MemoryGraphStore.LoadSnapshot(path).Count.Should().Be(VariedTriples().Count);

        var store = new MemoryGraphStore();
        store.Add([new Triple(new Iri("urn:a"), new Iri("urn:b"), new Iri("urn:c"))]);
        store.SaveSnapshot(path);
        MemoryGraphStore.LoadSnapshot(path).Count.Should().Be(1);
    }

    private string SaveSample(string name)
    {
        var store = new MemoryGraphStore();
        store.BulkLoad(VariedTriples());
        var path = Path.Combine(_folder, name);
        store.SaveSnapshot(path);
        return path;
    }

    /// <summary>Passes writes through until a byte budget is spent, then fails like a full disk or a killed process.</summary>
    private sealed class FailingStream(Stream inner, long failAfterBytes) : Stream
    {
        private long _written;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_written + buffer.Length > failAfterBytes)
            {
                inner.Write(buffer[..(int)(failAfterBytes - _written)]);
                throw new IOException("simulated failure mid-write");
            }
            inner.Write(buffer);
            _written += buffer.Length;
        }

        public override void Flush() => inner.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _written; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
