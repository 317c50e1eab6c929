using System.Text.RegularExpressions;

namespace Assistant.Domain.Corpus;

/// <summary>
/// What a heading or a numbered paragraph is about: a place (河池市) and a project
/// (河池市公共就业服务能力提升示范项目), so its passages are filed under their own subject.
/// </summary>
public static partial class ReportSubject
{
    /// <summary>The project a text names (…项目, …资金 of an 附表 title), or null.</summary>
    public static string? Project(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Match m = ProjectPattern().Match(text);
        return m.Success ? m.Groups["p"].Value : null;
    }

    /// <summary>The place a text names first (桂林市, 河池市, 某某县), or null.</summary>
    public static string? Place(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match m in PlacePattern().Matches(text))
        {
            string name = m.Groups["name"].Value;
            if (!"全各本该我每其此城都超".Contains(name[0], StringComparison.Ordinal) && !"全各本该我城都超股上开县区省乡镇的成".Contains(name[^1], StringComparison.Ordinal))
            {
                return m.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// A short heading for a numbered paragraph that names its subject
    /// (（三）河池市公共就业服务能力提升示范项目的带动城镇新增就业人数… → 河池市公共就业服务能力提升示范项目), or null
    /// when it names no place or project.
    /// </summary>
    public static string? HeadingOf(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        int end = body.IndexOfAny(['，', ',', '。', '；', ';', '：', ':']);
        string first = end < 0 ? body : body[..end];
        string? subject = Project(first) ?? Place(first);
        if (subject is null)
        {
            return null;
        }

        int de = first.IndexOf(subject, StringComparison.Ordinal) + subject.Length;
        string heading = de >= first.Length || first[de] == '的' ? first[..de] : first;
        return heading.Length > 32 ? heading[..32] : heading;
    }

    /// <summary>The title of an 附表 (河池市公共就业服务能力提升示范项目转移支付 → 河池市公共就业服务能力提升示范项目).</summary>
    public static string TitleOf(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return TitleNoise().Replace(line.Trim(), string.Empty).Trim();
    }

    [GeneratedRegex(@"(?<p>[\u4e00-\u9fa5“”]{2,30}?项目)")]
    private static partial Regex ProjectPattern();

    [GeneratedRegex(@"(?<name>[\u4e00-\u9fa5]{2})(?:市|县|州|盟|旗)(?![场民长委直属级县区域里内外])")]
    private static partial Regex PlacePattern();

    [GeneratedRegex(@"(?:转移支付)?(?:绩效目标)?(?:自评表|自评报告)?[（(]?\s*(?:20\d{2}\s*年度?)?\s*[）)]?$|转移支付$")]
    private static partial Regex TitleNoise();
}
