using System.Text.RegularExpressions;

namespace Assistant.Domain.Verification;

public static partial class MentionExtractor
{
    /// <summary>
    /// The matches of <see cref="DocumentNumber"/> (桂财社〔2024〕12号), found from their bracketed years (session 40). The
    /// pattern tried every Chinese character of a text holding a 号 as a start (≈ 14 % of the Guangxi report's verification);
    /// here only the part from the opening bracket on is a pattern (its scan jumps from bracket to bracket), and the name
    /// before it is read backwards: white space, then the letters of the name, at most 16, none of them before the end of the
    /// previous match. A bracket cannot occur inside that part after its first character, so those parts never overlap, and the
    /// leftmost start the pattern would take is the name's first letter, or the 16th letter back when the name is longer.
    /// </summary>
    internal static List<(int Index, int Length)> DocumentNumbers(string s)
    {
        var found = new List<(int Index, int Length)>();
        int floor = 0;
        foreach (ValueMatch core in DocumentCore().EnumerateMatches(s))
        {
            int space = core.Index;
            while (space > floor && char.IsWhiteSpace(s[space - 1]))
            {
                space--;
            }

            int start = space;
            while (start > floor && space - start < 16 && IsNameLetter(s[start - 1]))
            {
                start--;
            }

            if (start == space)
            {
                continue;
            }

            found.Add((start, core.Index + core.Length - start));
            floor = core.Index + core.Length;
        }

        return found;
    }

    private static bool IsNameLetter(char c) => c is (>= '\u4e00' and <= '\u9fa5') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z');

    [GeneratedRegex(@"[〔\[【（(]\s*\d{4}\s*[〕\]】）)]\s*\d{1,4}\s*号")]
    private static partial Regex DocumentCore();
}
