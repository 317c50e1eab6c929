using Assistant.Domain.Evaluations;

namespace Assistant.Domain.Verification;

/// <summary>
/// The words that name a fund line in a text (session 36, files probe 35 #4): the parts of one total that share a word
/// (中央衔接资金, 省级衔接资金, 州市级衔接资金, 县级衔接资金 all hold 衔接) are named by what sets them apart, so 州市级资金执行率73.2%
/// and 县级资金0元 name 州市级衔接资金 and 县级衔接资金, not the total nor another part. Shared by the verifier and its reference.
/// </summary>
public static class FundNameCores
{
    /// <summary>The cores (<paramref name="cores"/>, one per line, 资金/财政 already removed) with the word every sibling part shares taken out.</summary>
    public static IReadOnlyList<string> Shorten(IReadOnlyList<FundLine> lines, IReadOnlyList<string> cores)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(cores);
        string[] result = [.. cores];
        foreach (var group in Enumerable.Range(0, Math.Min(lines.Count, cores.Count)).Where(i => lines[i].Parent is not null).GroupBy(i => lines[i].Parent!))
        {
            int[] parts = [.. group];
            if (parts.Length < 2 || SharedWord(parts.Select(i => cores[i]).ToArray()) is not { } shared)
            {
                continue;
            }

            string[] shortened = [.. parts.Select(i => cores[i].Replace(shared, string.Empty, StringComparison.Ordinal))];

            // Each part keeps two characters of its own at least, and no two parts fall together.
            if (shortened.All(s => s.Length >= 2) && shortened.Distinct(StringComparer.Ordinal).Count() == shortened.Length)
            {
                for (int k = 0; k < parts.Length; k++)
                {
                    result[parts[k]] = shortened[k];
                }
            }
        }

        return result;
    }

    /// <summary>The longest run of two or more Chinese characters every name holds, or null.</summary>
    private static string? SharedWord(string[] names)
    {
        string first = names.MinBy(n => n.Length) ?? string.Empty;
        for (int length = first.Length - 1; length >= 2; length--)
        {
            for (int k = 0; k + length <= first.Length; k++)
            {
                string word = first.Substring(k, length);
                if (word.All(c => c is >= '\u4e00' and <= '\u9fa5') && names.All(n => n.Contains(word, StringComparison.Ordinal)))
                {
                    return word;
                }
            }
        }

        return null;
    }
}
