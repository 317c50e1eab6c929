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

    /// <summary>Every term of <paramref name="text"/> in order, repeats kept (a passage's stored terms: their count is its length, repeats its term frequencies).</summary>
    public static string[] Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text).ToLowerInvariant();
        var terms = new List<string>();
        foreach (string word in WordSegmenter.CutForSearch(normalized))
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
