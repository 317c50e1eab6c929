using System.Text.RegularExpressions;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Conversation;

/// <summary>
/// The lines an answer composed of parts has already said (安全事故那项扣了多少分？为什么: the points lost, then the why, both opening
/// with the row's figures and its computation). A later part's line is a repeat when it is the same line, or when every figure it
/// states (at least two) one earlier line stated, in mostly the same words (seven in ten of the shorter line's word pairs) — the
/// same trace worded again. A list line stating a fund's figures after their division is not a repeat; lines without figures repeat
/// only word for word.
/// </summary>
public sealed partial class SaidLines(Func<string, Fact?>? turnFact = null)
{
    private readonly HashSet<string> _lines = new(StringComparer.Ordinal);
    private readonly List<(HashSet<string> Figures, HashSet<string> Words)> _figures = [];

    /// <summary>Whether <paramref name="line"/> repeats a line said before (empty lines never do).</summary>
    public bool Repeats(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Trim().Length == 0)
        {
            return false;
        }

        if (_lines.Contains(Key(line)))
        {
            return true;
        }

        HashSet<string> figures = Figures(line);
        if (figures.Count < 2)
        {
            return false;
        }

        HashSet<string> words = Words(line);
        return _figures.Any(f => figures.IsSubsetOf(f.Figures) && Alike(words, f.Words));
    }

    /// <summary>Records <paramref name="line"/> as said.</summary>
    public void Add(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Trim().Length == 0)
        {
            return;
        }

        _lines.Add(Key(line));
        if (Figures(line) is { Count: >= 2 } figures)
        {
            _figures.Add((figures, Words(line)));
        }
    }

    /// <summary>The line with each fact of the turn written as its value (two parts number the same figure differently).</summary>
    private string Key(string line) => Ref().Replace(line, m => turnFact?.Invoke(m.Groups[1].Value) is { } f ? $"<{f.Value}{f.Unit}>" : m.Value);

    private HashSet<string> Figures(string line) =>
        Ref().Matches(line).Select(m => turnFact?.Invoke(m.Groups[1].Value) is { } f ? $"<{f.Value}{f.Unit}>" : m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static bool Alike(HashSet<string> a, HashSet<string> b)
    {
        HashSet<string> small = a.Count <= b.Count ? a : b, large = a.Count <= b.Count ? b : a;
        return small.Count == 0 || small.Count(large.Contains) * 10 >= small.Count * 7;
    }

    /// <summary>The line's word pairs outside its figures.</summary>
    private static HashSet<string> Words(string line) => IndicatorMatcher.Bigrams(Ref().Replace(line, "|")).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{\{fact:([^}]+)\}\}")]
    private static partial Regex Ref();
}
