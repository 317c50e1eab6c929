using System.Text.RegularExpressions;

namespace Assistant.Domain.Drafting;

/// <summary>
/// A unit's 偏差原因分析及改进措施 cell split into its cause and its own measure: “中职招生人数较计划减少，
/// 下一步加强招生宣传” is the cause “中职招生人数较计划减少” and the measure “加强招生宣传”. A report
/// writes the cause in the reasons and the measure in the measures, never the measure inside the cause.
/// So is “辖区高龄孕产妇比例上升；加强高危孕产妇专案管理”: a clause after ；/。 that opens with an action verb is the
/// unit's measure. A cell with no measure marker is all cause.
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

    /// <summary>
    /// A cell that is only a labelled measure (下一步改进措施：推行随访预约制度 — as a measure given in the conversation for a row
    /// without a reason is carried): the measure; null when the cell opens with anything else.
    /// </summary>
    public static string? LabelledMeasureOnly(string? stated)
    {
        string text = (stated ?? string.Empty).Trim();
        Match m = LeadingLabel().Match(text);
        if (!m.Success)
        {
            return null;
        }

        string measure = Trim(text[m.Length..]);
        return measure.Length >= 2 ? measure : null;
    }

    [GeneratedRegex(@"^(?:(?:下一步|下步)(?:的)?)?(?:改进|整改|工作)?措施(?:为|是)?[：:]")]
    private static partial Regex LeadingLabel();

    private static string Trim(string s) => s.Trim().Trim('，', '。', '；', ';', ',', '.', ' ', '：', ':');

    // A marker (下一步, 改进措施：) anywhere, or a clause after ；/。 that opens with what a unit will do (“辖区高龄孕产妇比例上升；
    // 加强高危孕产妇专案管理”): a verb of action, never one the clause negates or says is late (“；落实不到位”, “；推进缓慢” are causes).
    // 下一步改进措施： is one label (the measure after it, never the label inside the measure).
    [GeneratedRegex(@"[，。；;,\s]*(?:(?:(?:下一步|下步)(?:的)?)?(?:(?:改进|整改|工作)措施|措施)(?:为|是)?[：:]|下一步(?:将|要|拟)?|下步将|今后将|拟于?下一年度|将进一步)|[。；;]\s*(?=(?:加强|完善|建立|健全|强化|加大|加快|优化|规范|做好|督促|严格|扩大|压实|进一步)(?![^，。；;]*(?:不到位|不足|不够|不力|不及时|缓慢|滞后|较慢|较晚|偏低|未|没有|延迟|推迟))[^，。；;]{2,})")]
    private static partial Regex MeasureMarker();
}
