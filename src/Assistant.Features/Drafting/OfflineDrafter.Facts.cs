using Assistant.Domain.Drafting;
using System.Text;
using Assistant.Domain.Scoring;

namespace Assistant.Features.Drafting;

public sealed partial class OfflineDrafter
{
    /// <summary>The figures of an item as a sentence writes them, and what kind of row it is.</summary>
    private sealed partial class SectionWriter
    {
        /// <summary>Whether an item's indicator is a ceiling (≤): falling short of it means spending or taking more than allowed.</summary>
        private bool IsReverse(DeviationItem item) => item.IndicatorIndex is { } x && brief.Sheet.Report.Indicators[x].Rule == IndicatorRule.Reverse;

        /// <summary>A row whose target is 0 (因病致贫返贫户数 0户, 安全事故 0起): what it counts should not happen at all.</summary>
        private bool IsZero(DeviationItem item) => item.IndicatorIndex is { } x && brief.Sheet.Report.Indicators[x].Rule == IndicatorRule.Zero;

        /// <summary>A row held under a limit: a ceiling (≤) or a target of 0. Exceeding it is something that happened, not work left undone.</summary>
        private bool IsCeiling(DeviationItem item) => IsReverse(item) || IsZero(item);

        private bool Ceiling(DeviationGroup group) => group.Items.All(IsCeiling);

        private bool Zero(DeviationGroup group) => group.Items.All(IsZero);

        /// <summary>
        /// What a group's rows did against their targets, one wording for every sentence that says it: a target of 0 exceeded
        /// (超出指标值), a ceiling exceeded (超出控制标准), or work left undone (未完成); <paramref name="ofTheYear"/> names the
        /// year's target (超出年度指标值, 超出年度控制标准, 未完成年度指标值).
        /// </summary>
        private string Missed(DeviationGroup group, bool ofTheYear) =>
            (Zero(group), Ceiling(group), ofTheYear) switch
            {
                (true, _, false) => "超出指标值",
                (true, _, true) => "超出年度指标值",
                (false, true, false) => "超出控制标准",
                (false, true, true) => "超出年度控制标准",
                (false, false, false) => "未完成",
                (false, false, true) => "未完成年度指标值",
            };

        /// <summary>Whether most of a sentence's word pairs are already in one sentence of the draft.</summary>
        private bool NearCopy(string sentence)
        {
            var mine = Bigrams(sentence);
            return mine.Count > 0 && used.Any(u => Bigrams(u) is var other && mine.Count(other.Contains) * 2 >= mine.Count);
        }

        private static HashSet<string> Bigrams(string s)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i + 1 < s.Length; i++)
            {
                if (char.IsLetter(s[i]) && char.IsLetter(s[i + 1]))
                {
                    set.Add(s.Substring(i, 2));
                }
            }

            return set;
        }

        /// <summary>The notes the unit wrote on the low parts of an under-spent line without a reason of its own (null when none).</summary>
        private string? PartNotes(DeviationItem line)
        {
            var notes = LowParts(line, listedOnly: false).Select(p => p.Note).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            return notes.Count > 0 ? string.Join("；", notes) : null;
        }

        /// <summary>
        /// The low parts of an under-spent line, each with the note the unit wrote on it (null when none). <paramref name="listedOnly"/>:
        /// only the parts its sentence lists (其中省级资金执行率…), not a single part that is the whole line.
        /// </summary>
        private List<PartNote> LowParts(DeviationItem line, bool listedOnly) =>
            line.FactIds.Where(f => f.StartsWith("funds.lines[", StringComparison.Ordinal) && f.EndsWith("].rate", StringComparison.Ordinal)
                    && !f.StartsWith(line.Path + ".", StringComparison.Ordinal))
                .Where(f => !listedOnly || brief.Sheet.Find(f[..f.LastIndexOf('.')] + ".budget")?.Value != brief.Sheet.Find(line.Path + ".budget")?.Value)
                .Select(f => E.Funds.Lines[LineIndex(f)])
                .Select(l => new PartNote(l.Name, Domain.Review.ReasonText.Given(l.DeviationNote)?.TrimEnd('。', '；') is { Length: > 0 } n ? Clean(n) : null))
                .DistinctBy(p => p.Name, StringComparer.Ordinal).ToList();

        /// <summary>
        /// Session 39: what the unit said on each low part, said for that part only (a reason given on 市县资金 is not the whole
        /// fund's), and a part without a note said to have none — no reason is guessed for it.
        /// </summary>
        private static string PartsSentence(IReadOnlyList<PartNote> parts)
        {
            var sb = new StringBuilder();
            foreach (var same in parts.Where(p => p.Note is not null).GroupBy(p => p.Note!, StringComparer.Ordinal))
            {
                bool many = same.Count() > 1;
                sb.Append(string.Concat(same.Select(p => $"“{p.Name}”"))).Append("执行率偏低，单位说明的原因").Append(many ? "均为" : "是").Append(same.Key).Append('。');
            }

            var silent = parts.Where(p => p.Note is null).ToList();
            if (silent.Count > 0)
            {
                sb.Append(string.Concat(silent.Select(p => $"“{p.Name}”"))).Append("执行率偏低的原因自评表未作说明。");
            }

            return sb.ToString();
        }

        /// <summary>Whether an item's figures are money (万元/个, 元/人): a unit cost above its ceiling.</summary>
        private bool MoneyUnit(DeviationItem item) => brief.Sheet.Find(item.Path + ".target")?.Unit.Contains('元', StringComparison.Ordinal) == true;

        /// <summary>Items of the output indicators (产出) short of their targets, other than the group's own.</summary>
        private List<DeviationItem> OutputsShort(DeviationGroup group) =>
            group.Items.All(i => i.Level1?.Contains("效益", StringComparison.Ordinal) == true) && NatureOf(group) is Nature.Count or Nature.Unknown
                // A ceiling exceeded (因病致贫返贫户数 above its limit) is something that happened, not a benefit not yet shown (session 41).
                && !group.Items.Any(IsCeiling)
                ? brief.Items.Select(b => b.Item).Where(i => !group.Items.Contains(i) && i.Level1?.Contains("产出", StringComparison.Ordinal) == true
                    && i.Kind == DeviationKind.Shortfall && !IsCeiling(i)
                    && (PrecedentFit.NatureOf(i, E) == Nature.Count || i.Level2?.Contains("数量", StringComparison.Ordinal) == true)
                    && !FewerNeeded(i.StatedReason)
                    // Works unfinished explain any benefit of a works programme; a service short explains only an effect on the same
                    // people or things (困难群众参保 → 困难群众受益, not → 因病致贫返贫户数).
                    && (Builds().IsMatch(i.Name + "；" + E.Title) || group.Items.Any(g => SharesASubject(g.Name, i.Name)))).ToList()
                : [];

        /// <summary>Whether two rows' names share a two-character word that is not only a count or a generic term (人数, 年度, 服务…).</summary>
        private static bool SharesASubject(string a, string b) => Precedent.SharesWord(a, b, GenericWords);

        private static readonly HashSet<string> GenericWords = new(StringComparer.Ordinal)
        {
            "人数", "户数", "数量", "人次", "次数", "年度", "完成", "指标", "服务", "项目", "资金", "工作", "情况", "水平", "提升", "提高",
            "实现", "开展", "覆盖", "比例", "个数", "面积", "建设", "参加", "受益", "群众",
        };

        /// <summary>
        /// An output short because fewer people needed it (外出务工在外地参保，不再重复资助; 符合条件的对象减少; 主动退出): the people are
        /// served elsewhere or need no service, so the shortfall says nothing of an effect falling short (session 41, outside tester:
        /// 因病致贫返贫户数 was laid at 资助参保人数's door though the 764 were insured elsewhere).
        /// </summary>
        private static bool FewerNeeded(string? reason) =>
            Domain.Review.ReasonKinds.Classify(Domain.Review.ReasonText.Given(reason)) is "人口或对象流动" or "需求或申报不足" or "服务对象条件不符或退出"
                or "服务对象个人选择或去向变化" or "目标设定不合理";

        private static string ItemFacts(DeviationItem item, bool withGap, bool reverse = false, bool zero = false)
        {
            if (zero)
            {
                // A target of 0 exceeded: the actual is how many happened (2户), its gap only repeats it, and there is no 完成率.
                return string.Join("，", new[] { ("target", "年度指标值"), ("actual", "实际为"), ("lost", "扣") }
                    .Where(f => item.FactIds.Contains($"{item.Path}.{f.Item1}", StringComparer.Ordinal))
                    .Select(f => f.Item2 + DraftText.Ref($"{item.Path}.{f.Item1}")));
            }

            bool Has(string id) => item.FactIds.Contains(id, StringComparer.Ordinal);
            string R(string suffix) => DraftText.Ref($"{item.Path}.{suffix}");
            var parts = new List<string>();
            if (Has($"{item.Path}.target"))
            {
                parts.Add((reverse ? "年度控制标准" : "年度指标值") + R("target"));
            }

            if (Has($"{item.Path}.actual"))
            {
                parts.Add((reverse ? "实际为" : "实际完成") + R("actual"));
            }

            if (Has($"{item.Path}.completion") && !reverse)
            {
                parts.Add("完成率" + R("completion"));
            }

            if (withGap && Has($"{item.Path}.gap"))
            {
                parts.Add((reverse ? "超出控制标准" : item.Kind == DeviationKind.Shortfall ? "与指标值相差" : "超出指标值") + R("gap"));
            }

            if (Has($"{item.Path}.lost"))
            {
                parts.Add("扣" + R("lost"));
            }

            return string.Join("，", parts);
        }

        private string QualitativeFacts(DeviationItem item, bool named)
        {
            if (item.IndicatorIndex is { } qi && brief.Sheet.Report.Indicators[qi] is { } r
                && r.Target.Text.Trim() is { Length: > 0 } t && r.Actual.Text.Trim() is { Length: > 0 } a
                && ((!t.Any(char.IsAsciiDigit) && !a.Any(char.IsAsciiDigit)) || (DateLike().IsMatch(t) && DateLike().IsMatch(a))))
            {
                string lost = item.FactIds.Contains(item.Path + ".lost", StringComparer.Ordinal) ? "，扣" + DraftText.Ref(item.Path + ".lost") : string.Empty;
                return DateLike().IsMatch(t) || DateLike().IsMatch(a)
                    ? $"{(named ? $"“{item.Name}”" : string.Empty)}年度指标值为“{t}”，实际完成时间为“{a}”{lost}。"
                    : $"{(named ? $"“{item.Name}”" : string.Empty)}年度指标值为“{t}”，实际完成为“{a}”{lost}。";
            }

            return string.Empty;
        }
    }
}
