using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Review;

/// <summary>
/// One stated reason where it was written: a unit's table (of <paramref name="Year"/>, when known; <paramref name="Title"/> and
/// <paramref name="Submission"/> name the table, so one unit's two tables are told apart), the row (indicator or fund line) it explains.
/// </summary>
public sealed record ReasonUse(string Unit, string UnitName, int? Indicator, string Subject, string Reason, int? Year = null, string? Title = null, Guid? Submission = null)
{
    /// <summary>The unit, and the table when it is named: 甲县卫生健康局《2024年甲县基本公共卫生服务项目》.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Where => string.IsNullOrWhiteSpace(Title) ? UnitName : $"{UnitName}《{Title.Trim()}》";
}

/// <summary>
/// Boilerplate found among stated reasons: <c>reason.repeated</c> (one sentence on several rows of one
/// unit's table), <c>reason.copied</c> (the same sentence, word for word, in several units' tables),
/// <c>reason.measure-only</c> (a "reason" that only lists measures — 加强管理、严格监管 — and names no cause),
/// <c>reason.vague</c> (a cause named only in general words — 受多种因素影响、客观原因导致、工作推进不够到位) or
/// <c>reason.out-of-period</c> (疫情 given as the cause in a year it no longer held up projects).
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
    public const string Vague = "reason.vague";
    public const string OutOfPeriod = "reason.out-of-period";

    /// <summary>
    /// The first year whose deviations are no longer put down to 疫情: COVID-19 was managed as a class-B disease
    /// from 8 January 2023, so a 2024 or later table that blames 疫情 gives a reason of another period.
    /// </summary>
    public const int EpidemicOverFrom = 2024;

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

    /// <summary>
    /// True when the only cause the reason gives is a general one (受多种因素影响, 客观原因导致, 工作推进不够到位):
    /// once those words and a restated result (进度滞后, 未完成) are taken away, nothing names what happened
    /// (no kind of <see cref="ReasonKinds"/> — 资金下达较晚, 汛期, 招标, 价格上涨 … —, no figure of the cause, nothing listed before 等).
    /// </summary>
    public static bool IsVague(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return false;
        }

        string t = TextNormalizer.Normalize(reason);
        if (!GeneralCause().IsMatch(t))
        {
            return false;
        }

        string rest = Outcome().Replace(GeneralCause().Replace(t, "，"), "，");
        return ReasonKinds.Classify(rest) == ReasonKinds.Other && !CauseFigure().IsMatch(rest) && !Enumerated().IsMatch(rest);
    }

    /// <summary>True when a <paramref name="year"/> table (<see cref="EpidemicOverFrom"/> or later) puts the deviation down to 疫情 (因疫情等原因, 受疫情影响), not to what followed it (疫情后, 后疫情).</summary>
    /// <remarks>Session 44: any cause of <see cref="DatedCauses"/> past its period (脱贫攻坚 in 2022 or later, a census after it ended), see <see cref="OutOfPeriodCause"/>.</remarks>
    public static bool IsOutOfPeriod(string? reason, int? year) => OutOfPeriodCause(reason, year) is not null;

    /// <summary>The boilerplate among <paramref name="uses"/>: repeated within a unit, copied across units, measures given as reasons, general or out-of-period causes.</summary>
    public static IReadOnlyList<ReasonFlag> Find(IEnumerable<ReasonUse> uses)
    {
        ArgumentNullException.ThrowIfNull(uses);
        var all = uses.Where(u => !string.IsNullOrWhiteSpace(u.Reason)).ToList();
        var flags = new List<ReasonFlag>();
        foreach (var same in all.GroupBy(u => Precedent.Key(u.Reason), StringComparer.Ordinal).Where(g => g.Key.Length > 0))
        {
            // Repeated within one table (a unit's two tables are two tables); copied across units.
            var byTable = same.GroupBy(u => (u.Unit, u.Submission, Title: u.Title?.Trim())).ToList();
            foreach (var table in byTable.Where(g => g.Count() >= RepeatedRows))
            {
                var rows = table.ToList();
                flags.Add(new ReasonFlag(Repeated, rows[0].Reason, rows,
                    $"{rows[0].Where}在{rows.Count}项上填写了同一句原因“{rows[0].Reason}”（{Subjects(rows)}）；一句话说明不了各项各自的差距，审核会视为套话，请逐项写明具体原因。"));
            }

            var byUnit = same.GroupBy(u => u.Unit, StringComparer.Ordinal).ToList();
            if (byUnit.Count >= 2 && same.Key.Length >= MinCopiedLength)
            {
                var rows = same.ToList();
                string units = string.Join("、", byUnit.Select(g => g.First().UnitName));
                string where = string.Join("；", byTable.Select(g => $"{g.First().Where}：{Subjects(g.ToList())}"));
                flags.Add(new ReasonFlag(Copied, rows[0].Reason, rows,
                    $"{units}填报的原因一字不差：“{rows[0].Reason}”（{where}）；请核实是否照抄，各单位应写本单位的实际情况。"));
            }
        }

        foreach (ReasonUse u in all.Where(u => IsMeasureOnly(u.Reason)))
        {
            flags.Add(new ReasonFlag(MeasureOnly, u.Reason, [u],
                $"{u.Where}“{u.Subject}”填写的原因“{u.Reason}”只是工作措施，没有说明为什么出现偏差；请写明造成差距的具体原因（如进度、需求、价格、天气等）和数据。"));
        }

        foreach (ReasonUse u in all.Where(u => IsVague(u.Reason)))
        {
            flags.Add(new ReasonFlag(Vague, u.Reason, [u],
                $"{u.Where}“{u.Subject}”填写的原因“{u.Reason}”只说了笼统的因素，没有说明具体是什么原因；审核会视为套话，请写明造成差距的具体事项（如进度、需求、价格、天气等）和数据。"));
        }

        foreach (ReasonUse u in all)
        {
            if (OutOfPeriodCause(u.Reason, u.Year) is { } cause)
            {
                flags.Add(new ReasonFlag(OutOfPeriod, u.Reason, [u],
                    $"{u.Where}“{u.Subject}”把偏差归于{cause.Name}（“{u.Reason}”），而这是{u.Year}年度的自评表（{cause.Period}），这一原因与年度不符；请核实并写明本年度的实际原因。"));
            }
        }

        return flags;
    }

    private static string Subjects(IReadOnlyList<ReasonUse> rows) => string.Join("、", rows.Select(r => $"“{r.Subject}”"));

    [GeneratedRegex(@"因|由于|受|导致|影响|原因|所致|造成|较晚|滞后|延迟|推迟|延期|减少|不足|下降|上涨|涨价|未能|未及时|尚未|没有|调整|变化|变更|暂缓|困难|短缺|不到位|不够|偏高|偏低|过高|过低|结转|汛期|天气|疫情")]
    private static partial Regex CauseWords();

    /// <summary>A cause in general words: 多种因素, 客观原因, 主客观因素, 其他原因 …; 工作推进（落实、开展）不够到位, 工作力度不够, 重视不够.</summary>
    [GeneratedRegex(@"(?:受到?|因为?|由于|鉴于)?(?:多种|多重|多方面|各种|各方面|诸多|种种|一些|某些|其他|其它|主客观|客观|主观|特殊|不可控)(?:等)?(?:的)?(?:因素|原因)(?:的)?(?:影响|制约|限制|叠加)?(?:等)?(?:导致|所致|造成|致使|使得)?|(?:工作|项目)?(?:推进|落实|开展|统筹|谋划|组织)(?:工作)?(?:力度)?(?:还)?(?:不够|不)(?:到位|有力|扎实|充分|及时)|工作力度不(?:够|足|大)|(?:重视|认识)(?:程度)?不(?:够|足|到位)|思想认识不到位")]
    private static partial Regex GeneralCause();

    /// <summary>The result restated, which is no cause: 进度滞后, 未能完成, 未达到预期, 完成率偏低, 存在差距.</summary>
    [GeneratedRegex(@"(?:项目|工程|工作|实施)?(?:进度|进展)(?:滞后|缓慢|较慢|偏慢)|未能?(?:按期|如期|全部|全面)?(?:完成|达到|达标)(?:年度|预期|既定)?(?:目标|任务|指标值?)?|(?:完成率|完成值|执行率)(?:偏低|较低|不高)|(?:与|和)?(?:目标|预期)(?:存在|有)(?:一定)?差距|存在(?:一定)?(?:差距|偏差)|有所(?:下降|减少|降低)|出现(?:一定)?偏差")]
    private static partial Regex Outcome();

    /// <summary>A figure of the cause (3个片区, 6月, 1800人), not of the result: a number with a counting word or a month.</summary>
    [GeneratedRegex(@"\d+(?:\.\d+)?\s*(?:个|家|座|处|所|户|名|人|月|批|次|片|村|镇|乡)")]
    private static partial Regex CauseFigure();

    /// <summary>Causes the unit listed before 等 (受气温、墒情等其他因素影响): named, so not general.</summary>
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{2}等(?=，|$)")]
    private static partial Regex Enumerated();

    [GeneratedRegex(@"疫情(?:后|以后|之后|过后|结束|以来)|后疫情")]
    private static partial Regex AfterEpidemic();

    [GeneratedRegex(@"[，,；;。.！!、]")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"^(?:下一步|今后|后续)?(?:将|要|需|应)?(?:继续|进一步|持续)?(?:加强|强化|严格|确保|规范|完善|健全|落实|加大|提高|提升|推进|加快|做好|优化|建立|抓好|狠抓|压实|全面)")]
    private static partial Regex MeasureLead();
}
