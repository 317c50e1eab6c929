using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Conversation;

/// <summary>
/// An answer that announces a count and a list (需要说明却没有填写原因的有4项：) must list as many items as it counts (session 41:
/// four announced and three shown, the fourth cut as a repeat of an earlier part). <see cref="Mismatches"/> checks a released answer;
/// <see cref="IsCountedHeading"/> tells <see cref="OfflineAnswers.Combine"/> which lines open such a list, so their items are kept.
/// </summary>
public static partial class AnswerCounts
{
    /// <summary>A line that opens a counted list: 有4项： / 有{{fact:…}}： (the count still a fact of the turn), ending in a colon.</summary>
    public static bool IsCountedHeading(string line) => CountedHeading().IsMatch(line ?? string.Empty);

    /// <summary>
    /// Each counted list of <paramref name="text"/> (released, numbers written out) whose items are not as many as its count: an item
    /// is a line that opens with a quoted name (“…”), a dash, or one of <paramref name="names"/> (a fund line's name); the list runs to
    /// the next line ending in a colon, or an empty line.
    /// </summary>
    public static IReadOnlyList<string> Mismatches(string text, IEnumerable<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var known = (names ?? []).Where(n => n.Length >= 2).ToList();
        var found = new List<string>();
        string[] lines = text.Split('\n');
        for (int k = 0; k < lines.Length; k++)
        {
            if (ReleasedHeading().Match(lines[k].Trim()) is not { Success: true } h)
            {
                continue;
            }

            if (MatchedNumber.Int(h.Groups["n"].ValueSpan) is not int announced)
            {
                continue;
            }

            var items = new HashSet<string>(StringComparer.Ordinal);
            for (int j = k + 1; j < lines.Length; j++)
            {
                string l = lines[j].Trim();
                if (l.Length == 0 || l.EndsWith('：'))
                {
                    break;
                }

                // An item by what it names: a row said again by a later part of the answer (“X”需要说明原因) is the same item.
                string? item = l.StartsWith('“') && l.IndexOf('”', StringComparison.Ordinal) is > 0 and int close ? l[..(close + 1)]
                    : l.StartsWith("- ", StringComparison.Ordinal) ? l
                    : known.FirstOrDefault(n => l.StartsWith(n, StringComparison.Ordinal));
                if (item is not null)
                {
                    items.Add(item);
                }
            }

            int listed = items.Count;

            // A list given on the heading's own line, or as prose (有2项：A、B), is not a line list: only lists with some item lines count.
            if (listed > 0 && listed != announced)
            {
                found.Add($"{lines[k].Trim()} {announced} → {listed}");
            }
        }

        return found;
    }

    [GeneratedRegex(@"有(?:\{\{fact:[^}]+\}\}|\d+\s*(?:项|个|条|处|张|家))[^：\n有{]{0,12}：$")]
    private static partial Regex CountedHeading();

    [GeneratedRegex(@"有(?<n>\d+)\s*(?:项|个|条|处|张|家)[^：有\d]{0,12}：$")]
    private static partial Regex ReleasedHeading();
}
