using System.Text.RegularExpressions;

namespace Assistant.Domain.Drafting;

/// <summary>
/// A unit's 偏差原因分析及改进措施 cell split into its cause and its own measure: “中职招生人数较计划减少，
/// 下一步加强招生宣传” is the cause “中职招生人数较计划减少” and the measure “加强招生宣传”. A report
/// writes the cause in the reasons and the measure in the measures, never the measure inside the cause.
/// A cell with no measure marker is all cause.
/// </summary>
public sealed partial record StatedText(string Cause, string? Measure)
{
    public static StatedText Split(string? stated)
    {
        string text = (stated ?? string.Empty).Trim();
        Match m = MeasureMarker().Match(text);
        if (!m.Success || m.Index == 0)
        {
            return new StatedText(Trim(text), null);
        }

        string cause = Trim(text[..m.Index]);
        string measure = Trim(text[(m.Index + m.Length)..]);
        return cause.Length == 0 ? new StatedText(Trim(text), null) : new StatedText(cause, measure.Length >= 2 ? measure : null);
    }

    private static string Trim(string s) => s.Trim().Trim('，', '。', '；', ';', ',', '.', ' ', '：', ':');

    [GeneratedRegex(@"[，。；;,\s]*(?:(?:改进|整改|下一步)措施[：:]|下一步(?:将|要|拟)?|今后将|拟于?下一年度|将进一步)")]
    private static partial Regex MeasureMarker();
}
