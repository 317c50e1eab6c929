using System.Buffers.Binary;
using System.Text;

namespace Assistant.Features.Corpus;

/// <summary>
/// A passage's stored terms as PostgreSQL sends a <c>text[]</c> in binary (<c>array_send(p.terms)</c>):
/// counted against a query's terms without making a string per element. The lexical half reads up to
/// <see cref="CorpusSearch.LexicalRowBudget"/> rows of ~63 terms each; as <c>string[]</c> that was
/// ~31,000 strings per search, every one thrown away after a dictionary lookup (issue 21, session 27).
/// </summary>
public static class TermArray
{
    /// <summary>
    /// Counts, in <paramref name="tf"/> (cleared first), how often each term of <paramref name="slots"/>
    /// occurs among the elements of <paramref name="arraySend"/> (the binary form of a one-dimensional
    /// <c>text[]</c>: dimensions, flags, element type, per dimension its size and lower bound, then each
    /// element as a length and UTF-8 bytes, −1 for NULL); returns the number of elements (NULLs included,
    /// as <c>cardinality</c> counts them). An empty array (no dimensions) has none.
    /// </summary>
    public static int Count(ReadOnlySpan<byte> arraySend, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> slots, Span<int> tf)
    {
        tf.Clear();
        int dimensions = BinaryPrimitives.ReadInt32BigEndian(arraySend);
        if (dimensions == 0)
        {
            return 0;
        }

        if (dimensions != 1)
        {
            throw new FormatException($"A passage's terms must be a one-dimensional array, not {dimensions}.");
        }

        int count = BinaryPrimitives.ReadInt32BigEndian(arraySend[12..]);
        int at = 20;
        Span<char> buffer = stackalloc char[128];
        for (int e = 0; e < count; e++)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(arraySend[at..]);
            at += 4;
            if (length < 0)
            {
                continue;
            }

            var utf8 = arraySend.Slice(at, length);
            at += length;
            int found;
            if (Encoding.UTF8.GetMaxCharCount(length) <= buffer.Length)
            {
                int chars = Encoding.UTF8.GetChars(utf8, buffer);
                if (!slots.TryGetValue(buffer[..chars], out found))
                {
                    continue;
                }
            }
            else if (!slots.TryGetValue(Encoding.UTF8.GetString(utf8), out found))
            {
                continue;
            }

            tf[found]++;
        }

        return count;
    }
}
