// Frozen copy of src/Assistant.Domain/Verification/VerificationContext.cs before issue 21 (the reference the golden and property tests compare against).
using Assistant.Domain.Verification;
using System.Text.RegularExpressions;

namespace Assistant.Domain.Tests.ReferenceVerifier;

/// <summary>
/// A text being verified: its clauses, the sections and clauses that speak of another place or
/// project, and its numbers, so a number can be read in its sentence.
/// </summary>
internal sealed partial class VerificationContext(string normalized, List<Clause> clauses, SubjectScopes scopes, IReadOnlyList<Mention> mentions)
{
    public string Normalized { get; } = normalized;

    public List<Clause> Clauses { get; } = clauses;

    public IReadOnlyList<Mention> Mentions { get; } = mentions;

    /// <summary>
    /// The place or project other than the table's that the text at <paramref name="index"/> speaks of:
    /// its section's, or the last place its sentence names up to the end of its clause.
    /// </summary>
    public string? ForeignAt(int index)
    {
        if (scopes.SectionAt(index) is { } section)
        {
            return section;
        }

        Clause clause = Clause.At(Clauses, index);
        string upTo = clause.SentenceBefore(clause.End);
        string? last = null;
        foreach (Match m in PlaceOrSelf().Matches(upTo))
        {
            string place = m.Value;
            if (SelfWords().IsMatch(place) || scopes.OwnIn(place))
            {
                last = null;
            }
            else if (scopes.ForeignIn(place) is { } f)
            {
                last = f;
            }
        }

        return last;
    }

    /// <summary>
    /// Whether the clause text before a number has a subject of its own (农民工外出务工规模, 开展技能培训),
    /// rather than only words that continue the sentence's subject (实际完成, 低于目标任务, 其中).
    /// </summary>
    public static bool HasOwnSubject(string before)
    {
        string rest = Continuation().Replace(before, string.Empty);
        int content = rest.Count(c => c is >= '\u4e00' and <= '\u9fa5');
        return content >= 3;
    }

    [GeneratedRegex(@"[\u4e00-\u9fa5]{2}(?:市|县|州|盟|旗)(?![场民长委直属级县区域里内外])|全区|全市|全县|全省|全旗|全州|全盟|我区|我市|我县|我省|本市|本县|本区|本级|自治区")]
    private static partial Regex PlaceOrSelf();

    [GeneratedRegex(@"^(?:全区|全市|全县|全省|全旗|全州|全盟|我区|我市|我县|我省|本市|本县|本区|本级|自治区)$")]
    private static partial Regex SelfWords();

    [GeneratedRegex(@"\d{4}\s*年(?:度|底|末|初)?|\d{1,2}\s*月(?:底|末|份)?|[\d.,%％≥≤><＞＜（）()“”""、\s·:：]|百分点|千分点|截至|截止|到|至|全年|年度|年底|年末|当年|本年|今年|上年|同期|其中|共计|合计|总计|累计|共|实际|完成|实现|达到|达|为|是|了|的|超额|超过|超出|低于|高于|不足|不到|未|比|较|约|近|目标任务|目标值|指标值|目标|任务|预期|计划|要求|同比|增长|下降|提高|减少|增加|仅|只有|已经|已|均|分别|再|额|多|少|差|以上|以下|左右|全区|全市|全县|全省|全旗|我区|我市|我县|本级|全部|总体|整体|规模|人数|数量|合计|金额|资金|万元|元|人次|人|个|项|率|占比|比例|任务量|情况|方面|相比|与|和|及|在|中|内|有|共有|总数|总量|其|该|此|这|上述|以上指标|控制标准|控制目标|控制指标|控制上限|控制值|控制线|控制|上限值|上限|下限|限值|标准值|标准|以内")]
    private static partial Regex Continuation();
}

/// <summary>Which indicators a number's sentence ties it to, and whether its clause names a subject of its own.</summary>
internal sealed record Binding(IReadOnlyList<int> Named, bool Explicit, bool OwnSubject, string? NamedIn = null);
