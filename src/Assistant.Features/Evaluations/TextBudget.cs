using Assistant.Domain.Numbers;

namespace Assistant.Features.Evaluations;

/// <summary>
/// Bounds the work one text may cause: the verifier's cost grows with the numbers it must match, so a
/// text to check may have at most <see cref="MaxChars"/> characters and <see cref="MaxNumbers"/>
/// numbers (runs of digits or of Chinese numerals). A long report (about 20,000 characters and 600
/// numbers) fits three times over; more is a 400 naming the field, not minutes of CPU.
/// </summary>
public static class TextBudget
{
    public const int MaxChars = 60_000;
    public const int MaxNumbers = 2_000;

    public static void Check(string text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxChars)
        {
            throw new InputException(field, $"文字过长（超过{MaxChars}字），请分段核对", $"the text is longer than {MaxChars} characters; check it in parts");
        }

        int numbers = CountNumbers(text);
        if (numbers > MaxNumbers)
        {
            throw new InputException(field, $"文字中的数字过多（{numbers}个，上限{MaxNumbers}个），请分段核对", $"the text has too many numbers ({numbers}; at most {MaxNumbers}); check it in parts");
        }
    }

    /// <summary>Runs of digits (any script) or Chinese numerals.</summary>
    public static int CountNumbers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int count = 0;
        bool inRun = false;
        foreach (char c in text)
        {
            bool numeral = char.IsDigit(c) || "零〇一二两三四五六七八九十百千万亿".Contains(c, StringComparison.Ordinal);
            if (numeral && !inRun)
            {
                count++;
            }

            inRun = numeral || (inRun && c is '.' or ',');
        }

        return count;
    }
}
