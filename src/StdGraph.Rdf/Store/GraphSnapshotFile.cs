using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace StdGraph.Rdf.Store;

/// <summary>
/// The binary snapshot of a <see cref="MemoryGraphStore"/> (format described in README.md): header, term dictionary,
/// SPO id triples delta-encoded as varints, end marker, SHA-256 of everything before it.
/// </summary>
internal static class GraphSnapshotFile
{
    public const int FormatVersion = 1;
    private const uint EndMarker = 0x21444E45; // "END!"
    private const int HashLength = 32;
    private static ReadOnlySpan<byte> Magic => "SGRAPHDB"u8;

    private const byte KindIri = 0, KindBlank = 1, KindString = 2, KindLangString = 3, KindTyped = 4;

    public static void Save(MemoryGraphStore.State state, string path, Func<Stream, Stream> wrapFile)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                var target = wrapFile(file);
                var writer = new SnapshotWriter(target);
                writer.WriteBytes(Magic);
                writer.WriteInt32(FormatVersion);
                writer.WriteVarint((ulong)state.TermCount);
                writer.WriteVarint((ulong)state.Spo.Length);
                WriteTerms(writer, state);
                WriteTriples(writer, state.Spo);
                writer.WriteInt32(unchecked((int)EndMarker));
                writer.Finish();
                target.Flush();
                file.Flush(flushToDisk: true);
            }
            // rename(2) replaces the old snapshot atomically: readers see either the old file or the new one.
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    private static void WriteTerms(SnapshotWriter writer, MemoryGraphStore.State state)
    {
        var datatypes = new Dictionary<Iri, int>();
        for (var i = 0; i < state.TermCount; i++)
        {
            switch (state.Terms[i])
            {
                case Iri iri: writer.WriteByte(KindIri); writer.WriteString(iri.Value); break;
                case BlankNode b: writer.WriteByte(KindBlank); writer.WriteString(b.Label); break;
                case Literal { Language: not null } l: writer.WriteByte(KindLangString); writer.WriteString(l.Lexical); writer.WriteString(l.Language); break;
                case Literal l when l.Datatype == Vocab.XsdString: writer.WriteByte(KindString); writer.WriteString(l.Lexical); break;
                case Literal l:
                    writer.WriteByte(KindTyped);
                    // Datatypes are few: each is spelled out once, at its first use, then referenced by number.
                    if (datatypes.TryGetValue(l.Datatype, out var number)) writer.WriteVarint((ulong)number);
                    else
                    {
                        writer.WriteVarint((ulong)datatypes.Count);
                        datatypes.Add(l.Datatype, datatypes.Count);
                        writer.WriteString(l.Datatype.Value);
                    }
                    writer.WriteString(l.Lexical);
                    break;
                default: throw new InvalidOperationException("unknown term kind");
            }
        }
    }

    private static void WriteTriples(SnapshotWriter writer, IdTriple[] spo)
    {
        var prev = new IdTriple(0, 0, 0);
        foreach (var t in spo)
        {
            var ds = t.A - prev.A;
            writer.WriteVarint((ulong)ds);
            if (ds != 0) { writer.WriteVarint((ulong)t.B); writer.WriteVarint((ulong)t.C); }
            else
            {
                var dp = t.B - prev.B;
                writer.WriteVarint((ulong)dp);
                writer.WriteVarint((ulong)(dp != 0 ? t.C : t.C - prev.C));
            }
            prev = t;
        }
    }

    public static MemoryGraphStore.State Load(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            if (file.Length < Magic.Length + 4 + HashLength) throw new GraphSnapshotException(path, $"file is too short ({file.Length} bytes) to be a snapshot; it is truncated");
            var reader = new SnapshotReader(file, path, file.Length - HashLength);
            if (!reader.ReadBytes(Magic.Length).SequenceEqual(Magic)) throw new GraphSnapshotException(path, "not a StdGraph graph snapshot (bad magic bytes)");
            var version = reader.ReadInt32();
            if (version != FormatVersion) throw new GraphSnapshotException(path, $"unsupported snapshot format version {version}; this build reads version {FormatVersion}");
            var termCount = reader.ReadCount(file.Length);
            var tripleCount = reader.ReadCount(file.Length);
            var terms = new Term[Math.Max(termCount, 16)];
            ReadTerms(reader, terms, termCount);
            var spo = ReadTriples(reader, terms, termCount, tripleCount);
            if ((uint)reader.ReadInt32() != EndMarker) throw reader.Corrupt("end marker missing");
            reader.VerifyChecksum();
            return Build(path, terms, termCount, spo);
        }
        catch (GraphSnapshotException) { throw; }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new GraphSnapshotException(path, "file is corrupt: " + e.Message, e);
        }
    }

    private static void ReadTerms(SnapshotReader reader, Term[] terms, int termCount)
    {
        var datatypes = new List<Iri>();
        for (var i = 0; i < termCount; i++)
        {
            var kind = reader.ReadByte();
            terms[i] = kind switch
            {
                KindIri => new Iri(reader.ReadString()),
                KindBlank => new BlankNode(reader.ReadString()),
                KindString => Literal.String(reader.ReadString()),
                KindLangString => ReadLangString(reader),
                KindTyped => ReadTyped(reader, datatypes),
                _ => throw reader.Corrupt($"unknown term kind {kind} at term {i}"),
            };
        }
    }

    private static Literal ReadLangString(SnapshotReader reader)
    {
        var lexical = reader.ReadString();
        return Literal.LangString(lexical, reader.ReadString());
    }

    private static Literal ReadTyped(SnapshotReader reader, List<Iri> datatypes)
    {
        var number = reader.ReadVarint();
        if (number == (ulong)datatypes.Count) datatypes.Add(new Iri(reader.ReadString()));
        else if (number > (ulong)datatypes.Count) throw reader.Corrupt("datatype reference out of range");
        return Literal.Typed(reader.ReadString(), datatypes[(int)number]);
    }

    private static IdTriple[] ReadTriples(SnapshotReader reader, Term[] terms, int termCount, int tripleCount)
    {
        var spo = new IdTriple[tripleCount];
        long s = 0, p = 0, o = 0;
        for (var i = 0; i < tripleCount; i++)
        {
            var ds = (long)reader.ReadVarint();
            if (ds != 0) { s += ds; p = (long)reader.ReadVarint(); o = (long)reader.ReadVarint(); }
            else
            {
                var dp = (long)reader.ReadVarint();
                if (dp != 0) { p += dp; o = (long)reader.ReadVarint(); }
                else o += (long)reader.ReadVarint();
            }
            if ((ulong)s >= (ulong)termCount || (ulong)p >= (ulong)termCount || (ulong)o >= (ulong)termCount)
                throw reader.Corrupt($"triple {i} refers to a term id beyond the dictionary");
            if (terms[p] is not Iri) throw reader.Corrupt($"triple {i} has a predicate that is not an IRI");
            spo[i] = new IdTriple((int)s, (int)p, (int)o);
        }
        return spo;
    }

    private static MemoryGraphStore.State Build(string path, Term[] terms, int termCount, IdTriple[] spo)
    {
        var ids = new ConcurrentDictionary<Term, int>(concurrencyLevel: Environment.ProcessorCount, capacity: termCount);
        IdTriple[] pos = [], osp = [];
        var duplicate = false;
        Parallel.Invoke(
            () =>
            {
                for (var i = 0; i < termCount; i++)
                    if (!ids.TryAdd(terms[i], i)) duplicate = true;
            },
            () => pos = SortedIndex.Permute(spo, static t => t.SpoToPos()),
            () => osp = SortedIndex.Permute(spo, static t => t.SpoToOsp()));
        if (duplicate) throw new GraphSnapshotException(path, "file is corrupt: the term dictionary repeats a term");
        return new MemoryGraphStore.State(ids, terms, termCount, spo, pos, osp);
    }

    /// <summary>Buffered writer that hashes every byte it writes.</summary>
    private sealed class SnapshotWriter(Stream target)
    {
        private readonly byte[] _buffer = new byte[1 << 20];
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private int _count;

        public void WriteByte(byte b)
        {
            if (_count == _buffer.Length) Flush();
            _buffer[_count++] = b;
        }

        public void WriteInt32(int value)
        {
            Span<byte> bytes = stackalloc byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
            WriteBytes(bytes);
        }

        public void WriteVarint(ulong value)
        {
            if (_buffer.Length - _count < 10) Flush();
            while (value >= 0x80)
            {
                _buffer[_count++] = (byte)(value | 0x80);
                value >>= 7;
            }
            _buffer[_count++] = (byte)value;
        }

        public void WriteString(string value)
        {
            var length = Encoding.UTF8.GetByteCount(value);
            WriteVarint((ulong)length);
            if (length <= _buffer.Length - _count)
            {
                _count += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_count));
                return;
            }
            WriteBytes(Encoding.UTF8.GetBytes(value));
        }

        public void WriteBytes(ReadOnlySpan<byte> bytes)
        {
            while (bytes.Length > 0)
            {
                if (_count == _buffer.Length) Flush();
                var n = Math.Min(bytes.Length, _buffer.Length - _count);
                bytes[..n].CopyTo(_buffer.AsSpan(_count));
                _count += n;
                bytes = bytes[n..];
            }
        }

        public void Finish()
        {
            Flush();
            target.Write(_hash.GetHashAndReset());
        }

        private void Flush()
        {
            _hash.AppendData(_buffer, 0, _count);
            target.Write(_buffer, 0, _count);
            _count = 0;
        }
    }

    /// <summary>Buffered reader over the payload (everything before the trailing hash), hashing what it reads.</summary>
    private sealed class SnapshotReader(FileStream file, string path, long payloadEnd)
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private byte[] _buffer = new byte[1 << 20];
        private int _position;
        private int _length;
        private long _fileOffset;

        public GraphSnapshotException Corrupt(string reason) => new(path, "file is corrupt: " + reason);

        public byte ReadByte()
        {
            Ensure(1);
            return _buffer[_position++];
        }

        public int ReadInt32()
        {
            Ensure(4);
            var value = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(_position));
            _position += 4;
            return value;
        }

        public ulong ReadVarint()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = _position < _length ? _buffer[_position++] : ReadByte();
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return value;
            }
            throw Corrupt("malformed variable-length integer");
        }

        /// <summary>A count that cannot exceed the file size (each item takes at least one byte), so corrupt headers do not allocate gigabytes.</summary>
        public int ReadCount(long fileLength)
        {
            var value = ReadVarint();
            if (value > (ulong)fileLength || value > int.MaxValue) throw Corrupt($"count {value} is impossible for a file of {fileLength} bytes");
            return (int)value;
        }

        public byte[] ReadBytes(int count)
        {
            Ensure(count);
            var result = _buffer.AsSpan(_position, count).ToArray();
            _position += count;
            return result;
        }

        public string ReadString()
        {
            var length = ReadVarint();
            if (length > (ulong)(payloadEnd - _fileOffset + _length - _position)) throw Truncated();
            Ensure((int)length);
            var value = Encoding.UTF8.GetString(_buffer, _position, (int)length);
            _position += (int)length;
            return value;
        }

        public void VerifyChecksum()
        {
            if (_position != _length || _fileOffset != payloadEnd) throw Corrupt("unexpected bytes after the end marker");
            var expected = new byte[HashLength];
            file.Position = payloadEnd;
            file.ReadExactly(expected);
            if (!_hash.GetHashAndReset().AsSpan().SequenceEqual(expected))
                throw Corrupt("checksum mismatch (the contents were damaged after writing)");
        }

        private GraphSnapshotException Truncated() =>
            new(path, "file is truncated or corrupt: the data ends before the snapshot does");

        private void Ensure(int count)
        {
            if (_length - _position >= count) return;
            var remaining = _length - _position;
            if (count > _buffer.Length) Array.Resize(ref _buffer, count);
            Array.Copy(_buffer, _position, _buffer, 0, remaining);
            _position = 0;
            _length = remaining;
            while (_length < count)
            {
                var wanted = (int)Math.Min(_buffer.Length - _length, payloadEnd - _fileOffset);
                if (wanted <= 0) throw Truncated();
                var n = file.Read(_buffer, _length, wanted);
                if (n <= 0) throw Truncated();
                _hash.AppendData(_buffer, _length, n);
                _length += n;
                _fileOffset += n;
            }
        }
    }
}
