namespace Assistant.Domain.Numbers;

/// <summary>Session 37: whether the commas of a printed number are thousands grouping.</summary>
public readonly partial record struct PrintedNumber
{
    /// <summary>
    /// Whether every comma of <paramref name="s"/> (a number, already normalized: a full-width ， is a comma) is a
    /// thousands separator: in the integer part only, the first group of 1–3 digits and every later group of exactly 3
    /// (2,181.57, 12,000, -1,234). 920,00, 1,2345, 1.234,56, 12,34,567 and a leading or trailing comma are not. A text
    /// without a comma is valid. A sign or spaces before the digits are allowed; anything else is left to the caller.
    /// </summary>
    public static bool ValidGrouping(ReadOnlySpan<char> s)
    {
        int comma = s.IndexOf(',');
        if (comma < 0)
        {
            return true;
        }

        int group = -1; // digits since the last comma; -1 before the first comma
        int lead = 0; // digits before the first comma
        bool afterDot = false;
        foreach (char c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                if (group < 0)
                {
                    lead++;
                }
                else
                {
                    group++;
                }
            }
            else if (c == ',')
            {
                if (afterDot || (group < 0 ? lead is < 1 or > 3 : group != 3))
                {
                    return false;
                }

                group = 0;
            }
            else if (c == '.')
            {
                if (afterDot || (group >= 0 && group != 3))
                {
                    return false;
                }

                afterDot = true;
                group = int.MinValue / 2; // digits after the point are not a group
            }
        }

        return afterDot || group == 3;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is digits with a comma that is no thousands separator (920,00; 1,2345; 1.234,56;
    /// 920，00): a decimal comma or a typing slip, which is refused with that reason rather than read a hundred times larger.
    /// </summary>
    public static bool IsMisgrouped(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string s = TextNormalizer.Normalize(text).Trim().TrimStart('-', '+').Trim();
        return s.Contains(',', StringComparison.Ordinal) && s.All(c => char.IsAsciiDigit(c) || c is ',' or '.') && s.Any(char.IsAsciiDigit)
            && !ValidGrouping(s);
    }
}
