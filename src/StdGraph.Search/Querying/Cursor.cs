using System.Buffers.Binary;
using System.Text;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace StdGraph.Search.Querying;

/// <summary>
/// An opaque search-after cursor: the exact score bits and canonical code of a hit. Order is score descending, then code
/// ascending, so pages never repeat or skip a hit while the index is unchanged.
/// </summary>
internal static class Cursor
{
    public static string Encode(float score, string code)
    {
        var codeBytes = Encoding.UTF8.GetBytes(code);
        var bytes = new byte[4 + codeBytes.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, BitConverter.SingleToInt32Bits(score));
        codeBytes.CopyTo(bytes, 4);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Decodes a cursor; a cursor that is not one of ours is an <see cref="ArgumentException"/>.</summary>
    public static FieldDoc Decode(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var bytes = Convert.FromBase64String(base64);
            if (bytes.Length < 5) throw new FormatException("too short");
            var score = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadInt32BigEndian(bytes));
            var code = Encoding.UTF8.GetString(bytes, 4, bytes.Length - 4);
            // The doc id only breaks ties between equal (score, code) pairs, which a unique code rules out.
            return new FieldDoc(int.MaxValue, score, [J2N.Numerics.Single.GetInstance(score), new BytesRef(code)]);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"'{cursor}' is not a search cursor: {e.Message}", nameof(cursor), e);
        }
    }
}
