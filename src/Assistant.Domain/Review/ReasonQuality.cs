using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Review;

/// <summary>One stated reason where it was written: a unit's table, the row (indicator or fund line) it explains.</summary>
public sealed record ReasonUse(string Unit, string UnitName, int? Indicator, string Subject, string Reason);

/// <summary>
/// Boilerplate found among stated reasons: <c>reason.repeated</c> (one sentence on several rows of one
/// unit's table), <c>reason.copied</c> (the same sentence, word for word, in several units' tables) or
/// <c>reason.measure-only</c> (a "reason" that only lists measures — 加强管理、严格监管 — and names no cause).
/// <see cref="Message"/> is the finding in Chinese, naming the rows and the units.
/// </summary>
public sealed record ReasonFlag(string Code, string Reason, IReadOnlyList<ReasonUse> Uses, string Message);

/// <summary>
/// Reviewers dislike boilerplate (DOMAIN §5): a reason must say why this row of this unit fell short.
/// Two reasons are the same when they are equal once punctuation and spaces are taken away
/// (<see cref="Precedent.Key"/>); a short common phrase (under <see cref="MinCopiedLength"/> characters,
/// such as 资金下达较晚) is not counted as copied from another unit.
/// </summary>
public static partial class ReasonQuality
{
    public const string Repeated = "reason.repeated";
    public const string Copied = "reason.copied";
    public const string MeasureOnly = "reason.measure-only";

    /// <summary>Rows of one table sharing one sentence before it is boilerplate.</summary>
    public const int RepeatedRows = 4;

    /// <summary>Characters (without punctuation) a sentence needs before two units writing it is a copy, not a common phrase.</summary>
    public const int MinCopiedLength = 12;

    /// <summary>
    /// True when the reason only lists measures (加强项目管理，严格资金监管，确保项目顺利实施): every clause starts
    /// with a measure verb and nothing names a cause (因、受、导致、较晚、减少、上涨…).
    /// </summary>
    public static bool IsMeasureOnly(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return false;
        }

        string t = TextNormalizer.Normalize(reason);
        if (CauseWords().IsMatch(t))
        {
            return false;
        }

        var clauses = ClauseBreak().Split(t).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        return clauses.Count > 0 && clauses.All(c => MeasureLead().IsMatch(c));
    }

    /// <summary>The boilerplate among <paramref name="uses"/>: repeated within a unit, copied across units, measures given as reasons.</summary>
    public static IReadOnlyList<ReasonFlag> Find(IEnumerable<ReasonUse> uses)
    {
        ArgumentNullException.ThrowIfNull(uses);
        var all = uses.Where(u => !string.IsNullOrWhiteSpace(u.Reason)).ToList();
        var flags = new List<ReasonFlag>();
        foreach (var same in all.GroupBy(u => Precedent.Key(u.Reason), StringComparer.Ordinal).Where(g => g.Key.Length > 0))
        {
            var byUnit = same.GroupBy(u => u.Unit, StringComparer.Ordinal).ToList();
            foreach (var unit in byUnit.Where(g => g.Count() >= RepeatedRows))
            {
                var rows = unit.ToList();
                flags.Add(new ReasonFlag(Repeated, rows[0].Reason, rows,
                    $"{rows[0].UnitName}在{rows.Count}项上填写了同一句原因“{rows[0].Reason}”（{Subjects(rows)}）；一句话说明不了各项各自的差距，审核会视为套话，请逐项写明具体原因。"));
            }

            if (byUnit.Count >= 2 && same.Key.Length >= MinCopiedLength)
            {
                var rows = same.ToList();
                string units = string.Join("、", byUnit.Select(g => g.First().UnitName));
                string where = string.Join("；", byUnit.Select(g => $"{g.First().UnitName}：{Subjects(g.ToList())}"));
                flags.Add(new ReasonFlag(Copied, rows[0].Reason, rows,
                    $"{units}填报的原因一字不差：“{rows[0].Reason}”（{where}）；请核实是否照抄，各单位应写本单位的实际情况。"));
            }
        }

        foreach (ReasonUse u in all.Where(u => IsMeasureOnly(u.Reason)))
        {
            flags.Add(new ReasonFlag(MeasureOnly, u.Reason, [u],
                $"{u.UnitName}“{u.Subject}”填写的原因“{u.Reason}”只是工作措施，没有说明为什么出现偏差；请写明造成差距的具体原因（如进度、需求、价格、天气等）和数据。"));
        }

        return flags;
    }

    private static string Subjects(IReadOnlyList<ReasonUse> rows) => string.Join("、", rows.Select(r => $"“{r.Subject}”"));

    [GeneratedRegex(@"因|由于|受|导致|影响|原因|所致|造成|较晚|滞后|延迟|推迟|延期|减少|不足|下降|上涨|涨价|未能|未及时|尚未|没有|调整|变化|变更|暂缓|困难|短缺|不到位|不够|偏高|偏低|过高|过低|结转|汛期|天气|疫情")]
    private static partial Regex CauseWords();

    [GeneratedRegex(@"[，,；;。.！!、]")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"^(?:下一步|今后|后续)?(?:将|要|需|应)?(?:继续|进一步|持续)?(?:加强|强化|严格|确保|规范|完善|健全|落实|加大|提高|提升|推进|加快|做好|优化|建立|抓好|狠抓|压实|全面)")]
    private static partial Regex MeasureLead();
}
