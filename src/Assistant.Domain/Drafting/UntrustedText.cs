using System.Text.RegularExpressions;

namespace Assistant.Domain.Drafting;

/// <summary>
/// Text written by a unit, another report or a model is data. Before it can reach a draft or a page
/// it loses markup (HTML/XML tags, Markdown links keep their words), fact references
/// (<c>{{fact:…}}</c>, which a draft would render as verified numbers), source markers (<c>[S1]</c>,
/// which would pose as citations), control characters and invisible direction marks.
/// </summary>
public static partial class UntrustedText
{
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = Markup().Replace(text, m => m.Groups[1].Success ? m.Groups[1].Value : " ");
        return new string(t.Where(c => (!char.IsControl(c) || c is '\n' or '\r' or '\t')
            && c is not ('\u200b' or '\u200e' or '\u200f' or '\u202a' or '\u202b' or '\u202c' or '\u202d' or '\u202e' or '\u2066' or '\u2067' or '\u2068' or '\u2069' or '\ufeff')).ToArray());
    }

    [GeneratedRegex(@"<\s*/?\s*[A-Za-z!?][^<>]{0,500}>|\{\{[^{}]{0,200}\}\}|\{\{|\}\}|\[\s*[Ss]\d+\s*\]|【\s*[Ss]\d+\s*】|javascript:|!?\[([^\[\]\n]{0,200})\]\((?:[^()\n]|\([^()\n]{0,200}\)){0,500}\)")]
    private static partial Regex Markup();
}
