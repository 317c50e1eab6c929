using System.Collections.Concurrent;
using Assistant.Domain.Numbers;
using Assistant.Features.Words;

namespace Assistant.Features.Corpus;

/// <summary>
/// The lexical representation of text, one definition for passages and queries alike: the text
/// normalised (full-width → half-width, lower case), cut into words by <see cref="WordSegmenter"/> in
/// search mode, keeping only words with a letter or digit (punctuation and spaces dropped).
/// </summary>
public static class LexicalTerms
{
    /// <summary>Longer words are cut off here (a term is an index key).</summary>
    public const int MaxTermChars = 32;

    /// <summary>Distinct pieces remembered before the memory is cleared (pieces of at most MaxRememberedChars: about 20 MB at most).</summary>
    public const int MaxRemembered = 50_000;

    /// <summary>Longer pieces are cut every time, never remembered, so the memory's size stays bounded whatever the input.</summary>
    public const int MaxRememberedChars = 64;

    /// <summary>Each piece's terms, shared by every thread (reads take no lock); the arrays are never handed out.</summary>
    private static readonly ConcurrentDictionary<string, string[]> Remembered = new(StringComparer.Ordinal);

    /// <summary>The same memory looked up by a span of the text.</summary>
    private static readonly ConcurrentDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> RememberedBySpan = Remembered.GetAlternateLookup<ReadOnlySpan<char>>();

    private static int rememberedCount;

    /// <summary>Every term of <paramref name="text"/> in order, repeats kept (a passage's stored terms: their count is its length, repeats its term frequencies).</summary>
    /// <remarks>
    /// Cut piece by piece (<see cref="WordSegmenter.Pieces"/>), each piece's terms remembered (bounded, shared by all threads):
    /// reports repeat their headings, indicator names and stock clauses, and a bulk load cuts every
    /// passage's heading path again. The terms are exactly those of cutting the whole text at once
    /// (<see cref="OfWhole"/>; tests compare both on whole corpora).
    /// </remarks>
    public static string[] Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text).ToLowerInvariant();
        var terms = new List<string>(normalized.Length / 2);
        ReadOnlySpan<char> all = normalized;
        for (int start = 0, end; start < all.Length; start = end)
        {
            // Pieces found by scanning and looked up as spans (session 39): a remembered piece costs no string.
            end = WordSegmenter.PieceEnd(all, start);
            ReadOnlySpan<char> span = all[start..end];
            if (span.Length > MaxRememberedChars)
            {
                terms.AddRange(Keep(WordSegmenter.CutForSearch(span.ToString())));
                continue;
            }

            if (!RememberedBySpan.TryGetValue(span, out string[]? words))
            {
                string piece = span.ToString();
                words = Keep(WordSegmenter.CutForSearch(piece));
                // A count of our own: ConcurrentDictionary.Count takes every lock.
                if (Volatile.Read(ref rememberedCount) >= MaxRemembered)
                {
                    Remembered.Clear();
                    Volatile.Write(ref rememberedCount, 0);
                }

                if (Remembered.TryAdd(piece, words))
                {
                    Interlocked.Increment(ref rememberedCount);
                }
            }

            terms.AddRange(words);
        }

        return [.. terms];
    }

    /// <summary>The terms of the whole text cut at once, nothing remembered: the reference <see cref="Of"/> must equal.</summary>
    public static string[] OfWhole(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Keep(WordSegmenter.CutForSearch(TextNormalizer.Normalize(text).ToLowerInvariant()));
    }

    /// <summary>The words with a letter or digit, trimmed, cut to <see cref="MaxTermChars"/>.</summary>
    private static string[] Keep(IReadOnlyList<string> words)
    {
        var terms = new List<string>(words.Count);
        foreach (string word in words)
        {
            string w = word.Trim();
            if (w.Length > 0 && w.Any(char.IsLetterOrDigit))
            {
                terms.Add(w.Length > MaxTermChars ? w[..MaxTermChars] : w);
            }
        }

        return [.. terms];
    }

    /// <summary>The distinct terms of a query, in order of first appearance.</summary>
    public static string[] OfQuery(string query) => [.. Of(query).Distinct(StringComparer.Ordinal)];
}
