using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Verification;

/// <summary>
/// Checks directional claims (超额完成, 未完成, 低于目标值…) against the status of the indicators they
/// speak of: the ones their clause names, or the nearest clause before them names; a claim over a group
/// (均超额完成, 产出指标均已完成, 全面完成) against every indicator of the group — the ones its sentence lists,
/// or the 一级/二级 heading it names, or the whole table.
/// </summary>
internal sealed partial class ClaimChecker(FactSheet sheet, IndicatorNames names, VerificationContext ctx)
{
    public List<CheckedClaim> Check(string original)
    {
        var claims = new List<CheckedClaim>();
        foreach (Match m in ClaimPattern().Matches(ctx.Normalized))
        {
            ClaimKind kind = m.Groups["exceeded"].Success || m.Groups["above"].Success ? ClaimKind.Exceeded
                : m.Groups["short"].Success || m.Groups["below"].Success ? ClaimKind.Short
                : ClaimKind.Met;
            // 低于控制标准, 超出上限, 超标: a side of the row's limit (its completion, 完成值 ÷ 指标值, below or above 1);
            // 未超过控制标准, 控制在目标以内: at most the limit.
            Side side = m.Groups["above"].Success ? Side.Above : m.Groups["below"].Success ? Side.Below : m.Groups["within"].Success ? Side.AtMost : Side.None;
            bool numeric = side != Side.None;
            string text = original.Substring(m.Index, m.Length);
            if (InsideRowName(m.Index))
            {
                // 测试11不超过 (session 37): claim words inside a row's own name claim nothing.
                continue;
            }

            if (ctx.ForeignAt(m.Index) is { } foreign)
            {
                claims.Add(new CheckedClaim(m.Index, m.Length, text, kind, Verdict.OutOfScope, null, $"说的是{foreign}，不在本表范围内"));
                continue;
            }

            int index = Clause.IndexAt(ctx.Clauses, m.Index);
            Clause clause = ctx.Clauses[index];
            // 一半以上的指标已完成, 大部分产出指标未完成, 所有效益指标均已完成 (session 45): a quantified set of the table's rows.
            Quantified quantified = QuantifiedSubject(clause.Before(m.Index), out Match quantifier);
            if (quantified == Quantified.ShareOfNumbers && kind != ClaimKind.Exceeded)
            {
                continue;
            }

            if (quantified is Quantified.Share or Quantified.ShareOfNumbers)
            {
                claims.Add(ShareClaim(sheet, m, text, kind, quantifier));
                continue;
            }

            bool group = m.Groups["all"].Success || GroupWords().IsMatch(clause.Before(m.Index)) || quantified == Quantified.All;
            if (IsLinesThreshold(clause.Before(m.Index), ctx.Normalized, m.Index + m.Length))
            {
                // 中央和省级资金执行率均未达到100% (session 43): the number after the words judges every line listed.
                continue;
            }

            if (group && IsCountClaim(clause.Before(m.Index), clause.SentenceBefore(m.Index)))
            {
                // 其中8项全部完成, 除两项指标外其余均已完成: a claim about a counted set, which the count's own check judges.
                continue;
            }

            bool ownSubject = false;
            (IReadOnlyList<int> subject, string? groupName) = group ? Group(clause, m.Index) : (Single(index, m.Value, out ownSubject), null);

            // 改造数量、完工率和资金执行率均未达到目标 (session 42): a list of rows named short, each item read as one row or the
            // fund's 执行率 — judged over those rows, not left unverified nor judged over the items the names matched whole.
            if (group && Assistant.Domain.Verification.ListedGroup.Resolve(sheet, names.Named, clause.Before(m.Index)) is { } listed
                && (subject.Count == 0 || groupName == "全部指标" || groupName is null && listed.Rows.Except(subject).Any() && !subject.Except(listed.Rows).Any()))
            {
                claims.Add(Assistant.Domain.Verification.ListedGroup.FundsDisagree(sheet, kind, listed.Funds) is { } funds
                    ? new CheckedClaim(m.Index, m.Length, text, kind, Verdict.Contradicted, funds.Id, funds.Note)
                    : Judge(m.Index, m.Length, text, kind, side, listed.Rows, null));
                continue;
            }
            // 辍学率超出控制标准, 吨垃圾成本超出上限 (session 36): words right before the claim that are mostly a part of one row's name
            // no other row holds name that row.
            if (subject.Count == 0 && !group && Assistant.Domain.Verification.Deductions.RowNamedBefore(sheet, clause.Before(m.Index)) is { } part)
            {
                subject = [part];
            }

            if (subject.Count == 0 && !ownSubject && Assistant.Domain.Verification.ClaimChecker.IsCountedPart(clause.Before(m.Index), Assistant.Domain.Verification.ClaimChecker.CarriedBeforeCount(ctx.Normalized, clause.SentenceStart, clause.Before(m.Index), clause.SentenceBefore(m.Index))))
            {
                // 7个指标中有3个未完成 (session 36): the status of a counted part, which the count's own check judges.
                continue;
            }

            if (subject.Count == 0)
            {
                claims.Add(ownSubject
                    ? new CheckedClaim(m.Index, m.Length, text, kind, Verdict.OutOfScope, null, "所说的对象不是表中的指标")
                    : new CheckedClaim(m.Index, m.Length, text, kind, Verdict.Unverified, null, "未能确定所指的指标"));
                continue;
            }

            claims.Add(Judge(m, text, kind, side, subject, groupName));
        }

        claims.AddRange(DegreeClaims.Find(sheet, ctx.Normalized, original, claims, (p, t) => Single(Clause.IndexAt(ctx.Clauses, p), t, out _), p => ctx.ForeignAt(p)).ToList());
        claims.AddRange(QualitativeClaims(original, claims));
        claims.AddRange(NumericTargetClaims(original, claims));
        claims.AddRange(TimelyClaims(original, claims));
        claims.AddRange(CompletionClaims(original, claims));
        claims.AddRange(AbsentClaims(original, claims).ToList());

        foreach (Match g in GradePattern().Matches(ctx.Normalized))
        {
            if (Grade(g, original) is { } grade)
            {
                claims.Add(grade);
            }
        }

        return claims;
    }

    /// <summary>
    /// 教学质量提升指标达到“效果显著”的目标, 满意度实现了“满意”目标: a qualitative row said to have reached its own target
    /// word (达到/实现/达成/取得 then the target's text) — verified when its result is as strong, contradicted when weaker
    /// (效果良好 against 效果显著). The row must be named in the clause (or earlier in its sentence).
    /// </summary>
    private IEnumerable<CheckedClaim> QualitativeClaims(string original, List<CheckedClaim> found)
    {
        var indicators = sheet.Report.Indicators;
        for (int i = 0; i < indicators.Count; i++)
        {
            if (indicators[i] is not { Rule: IndicatorRule.Qualitative, Target: QualitativeCell target } || target.Text.Trim() is not { Length: >= 2 } word)
            {
                continue;
            }

            for (int at = ctx.Normalized.IndexOf(word, StringComparison.Ordinal); at >= 0; at = ctx.Normalized.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                Match verb = ReachedBefore().Match(ctx.Normalized[Math.Max(0, at - 8)..at]);
                if (!verb.Success || ctx.ForeignAt(at) is not null)
                {
                    continue;
                }

                int start = at - (Math.Min(8, at) - verb.Index);
                Match tail = TargetTail().Match(ctx.Normalized, at + word.Length);
                int end = at + word.Length + (tail.Success && tail.Index == at + word.Length ? tail.Length : 0);
                if (found.Any(c => c.Start < end && c.Start + c.Length > start))
                {
                    continue;
                }

                int index = Clause.IndexAt(ctx.Clauses, at);
                if (!Single(index, word, out _).Contains(i))
                {
                    continue;
                }

                yield return Judge(start, end - start, original.Substring(start, end - start), ClaimKind.Met, Side.None, [i], null);
            }
        }
    }

    /// <summary>
    /// 全年选聘生态护林员305人，达到320人的目标 (chat probe 33 #6): a row said to have reached a target written as a number
    /// (达到/完成/实现 + the figure + 的目标/目标任务) is a claim that it was met, judged by its status like 完成年度目标; the figure
    /// itself is checked as a number. The row must be named in the clause (or earlier in its sentence).
    /// </summary>
    private IEnumerable<CheckedClaim> NumericTargetClaims(string original, List<CheckedClaim> found)
    {
        foreach ((int start, int length) in NumericTargetSpans(ctx.Normalized))
        {
            if (ctx.ForeignAt(start) is not null || found.Any(c => c.Start < start + length && c.Start + c.Length > start))
            {
                continue;
            }

            string text = original.Substring(start, length);
            IReadOnlyList<int> subject = Single(Clause.IndexAt(ctx.Clauses, start), text, out _);
            if (subject.Count > 0)
            {
                yield return Judge(start, length, text, ClaimKind.Met, Side.None, subject, null);
            }
        }
    }

    /// <summary>Where a text says a target written as a number was reached (达到320人的目标, 完成了1.5万亩的年度目标任务); shared with the reference.</summary>
    public static IEnumerable<(int Start, int Length)> NumericTargetSpans(string normalized)
    {
        foreach (Match m in NumericTarget().Matches(normalized))
        {
            yield return (m.Index, m.Length);
        }
    }

    /// <summary>
    /// 基层医疗卫生服务能力有所提升，未达到“明显提升”的目标: the quoted target word in a claim's clause is no subject of its own
    /// (chat probe 33 #6); shared with the reference.
    /// </summary>
    public static string WithoutQuotedWords(string clause) => QuotedWord().Replace(clause, string.Empty);

    [GeneratedRegex(@"[“""「『][^“”""「」『』]{1,16}[”""」』]")]
    private static partial Regex QuotedWord();

    // 达到320人的目标, 完成了1.5万亩的年度目标任务, 实现3000万元的预期目标 (not 未达到…, 力争达到…, 为实现…).
    [GeneratedRegex(@"(?<![未没不争保求为])(?:达到|达成|实现|完成)了?\s*\d[\d,，.]*\s*[^\d\s，,。；;、“”""的]{0,6}\s*的\s*(?:年度)?(?:预期|既定|计划)?(?:绩效)?(?:目标值?|目标任务|任务|计划)")]
    private static partial Regex NumericTarget();

    /// <summary>评价等级为“优”: the grade the table's 总分 earns under the policy's bands (the printed 总分's grade also stands).</summary>
    private CheckedClaim? Grade(Match g, string original)
    {
        if (sheet.Report.Grade is not { } expected || sheet.Report.Total is not { } total || ctx.ForeignAt(g.Index) is not null)
        {
            return null;
        }

        string said = g.Groups["g"].Value[..1];
        var policy = ScoringPolicy.Find(sheet.Report.PolicyName);
        string? printed = sheet.Evaluation.PrintedTotal is { } p ? policy?.GradeOf(p.Value) : null;
        string text = original.Substring(g.Index, g.Length);
        return said == expected || said == printed
            ? new CheckedClaim(g.Index, g.Length, text, ClaimKind.Grade, Verdict.Verified, "total", null)
            : new CheckedClaim(g.Index, g.Length, text, ClaimKind.Grade, Verdict.Contradicted, "total",
                $"总分{PrintedNumber.Format(total, 2)}分，等级为“{expected}”");
    }

    private CheckedClaim Judge(Match m, string text, ClaimKind kind, Side side, IReadOnlyList<int> subject, string? groupName) =>
        Judge(m.Index, m.Length, text, kind, side, subject, groupName);

    private CheckedClaim Judge(int start, int length, string text, ClaimKind kind, Side side, IReadOnlyList<int> subject, string? groupName)
    {
        var wrong = new List<int>();
        int known = 0;
        foreach (int i in subject)
        {
            Verdict v = Judge(kind, side, sheet.Report.Indicators[i]);
            if (v == Verdict.Contradicted)
            {
                wrong.Add(i);
            }

            if (v != Verdict.Unverified)
            {
                known++;
            }
        }

        if (wrong.Count > 0)
        {
            string notes = string.Join("；", wrong.Take(3).Select(i => Describe(sheet.Report.Indicators[i])));
            string prefix = groupName is null ? string.Empty : $"{groupName}中";
            return new CheckedClaim(start, length, text, kind, Verdict.Contradicted, $"indicators[{wrong[0]}].status",
                prefix + notes + (wrong.Count > 3 ? $"等{wrong.Count}项" : string.Empty));
        }

        if (known == 0)
        {
            return new CheckedClaim(start, length, text, kind, Verdict.Unverified, $"indicators[{subject[0]}].status", "表中无法判断该指标是否完成");
        }

        string id = subject.Count == 1 ? $"indicators[{subject[0]}].status" : groupName is null ? "count.short" : $"count[{groupName}].short";
        return new CheckedClaim(start, length, text, kind, Verdict.Verified, id, null);
    }

    private static string Describe(IndicatorResult r) =>
        Calculator.IsWeaker(r.Target, r.Actual)
            ? $"“{r.Name}”完成值“{r.Actual.Text.Trim()}”弱于指标值“{r.Target.Text.Trim()}”，{r.Status.ToChinese()}"
            : $"“{r.Name}”{(CompletionWords.Describe(r) is { } c ? c + "，" : string.Empty)}{r.Status.ToChinese()}";

    /// <summary>The indicators a single claim speaks of: its clause's, or the nearest named before it in its sentence.</summary>
    private IReadOnlyList<int> Single(int index, string claim, out bool ownSubject)
    {
        ownSubject = false;
        Clause clause = ctx.Clauses[index];
        IReadOnlyList<int> own = names.Named(clause.Text);
        if (own.Count > 0)
        {
            return own;
        }

        // The claim's own words are no subject (超出控制标准, 低于控制上限).
        if (ctx.ClauseHasOwnSubject(index) && VerificationContext.HasOwnSubject(WithoutQuotedWords(clause.Text.Replace(claim, string.Empty, StringComparison.Ordinal))))
        {
            ownSubject = true;
            return [];
        }

        for (int k = index - 1; k >= 0 && ctx.Clauses[k].SentenceStart == clause.SentenceStart; k--)
        {
            IReadOnlyList<int> named = names.Named(ctx.Clauses[k].Text);
            if (named.Count > 0)
            {
                return named;
            }

            if (ctx.ClauseHasOwnSubject(k))
            {
                ownSubject = true;
                return [];
            }
        }

        return [];
    }


    /// <summary>A group claim's members: the indicators its sentence lists, or the level it names, or all.</summary>
    private (IReadOnlyList<int> Members, string? Name) Group(Clause clause, int at)
    {
        // 除因病致贫返贫外其余效益指标均已完成: the indicators named between 除 and 外 are not of the group;
        // 其余指标均达到年度目标: nor are those the paragraph named before the claim's clause.
        if (CeilingRows(sheet, clause.SentenceBefore(at)) is { } ceilings)
        {
            return ceilings;
        }

        Match except = Exception().Match(clause.SentenceBefore(at));
        bool rest = Rest().IsMatch(clause.Before(at));
        if (!except.Success && !rest)
        {
            return GroupOf(clause, at, default);
        }

        var excluded = except.Success
            ? except.Groups["x"].Value.Split(ExceptionSeparators, StringSplitOptions.RemoveEmptyEntries).SelectMany(names.Named).ToList()
            : [];
        if (rest)
        {
            int lineStart = ctx.Normalized.LastIndexOf('\n', Math.Max(0, clause.Start - 1)) + 1;
            excluded.AddRange(names.NamedInOrder(ctx.Normalized[lineStart..clause.Start], out _));
        }

        (IReadOnlyList<int> members, string? name) = GroupOf(clause, at, except);
        return excluded.Count == 0 ? (members, name) : (members.Where(i => !excluded.Contains(i)).ToList(), name);
    }

    private static readonly char[] ExceptionSeparators = ['、', '和', '及', '与'];

    private (IReadOnlyList<int> Members, string? Name) GroupOf(Clause clause, int at, Match? except)
    {
        char[] head = clause.SentenceBefore(at).ToCharArray();
        foreach (Mention x in ctx.Mentions.Where(x => x.Start >= clause.SentenceStart && x.Start + x.Length <= at))
        {
            for (int p = x.Start; p < x.Start + x.Length; p++)
            {
                head[p - clause.SentenceStart] = '、';
            }
        }

        if (except is { Success: true })
        {
            Array.Fill(head, '、', except.Index, except.Length);
        }

        // 各项指标均已完成, 其余指标均… (not 上述各项均…): the whole table (or a level), not what the sentence listed before.
        bool whole = Whole().IsMatch(clause.Before(at)) && !Anaphor().IsMatch(clause.SentenceBefore(at));
        IReadOnlyList<int> listed = whole ? [] : names.NamedInOrder(new string(head), out _);
        if (listed.Count > 0)
        {
            return (listed, null);
        }

        if (KindGroup(sheet, clause.Before(at)) is { } kind)
        {
            return kind;
        }

        var indicators = sheet.Evaluation.Indicators;
        int lineStart = ctx.Normalized.LastIndexOf('\n', Math.Max(0, clause.SentenceStart - 1)) + 1;

        // 以上指标均… / 上述各项均…: the group is what the sentences before it in the paragraph listed.
        if (!whole && Anaphor().IsMatch(clause.SentenceBefore(at)) && clause.SentenceStart > lineStart)
        {
            IReadOnlyList<int> before = names.NamedInOrder(ctx.Normalized[lineStart..clause.SentenceStart], out _);
            if (before.Count > 0)
            {
                return (before, null);
            }
        }

        string[] contexts = whole ? [clause.Before(at)] : [clause.SentenceBefore(at), ctx.Normalized[lineStart..at]];
        foreach (string context in contexts)
        {
            string? level = null;
            int best = -1;
            foreach (string name in indicators.SelectMany(i => new[] { i.Level1, i.Level2 }).OfType<string>().Distinct())
            {
                int pos = context.LastIndexOf(name, StringComparison.Ordinal);
                if (pos > best || (pos == best && pos >= 0 && name.Length > level!.Length))
                {
                    (best, level) = (pos, name);
                }
            }

            if (level is not null && best >= 0)
            {
                return (Enumerable.Range(0, indicators.Count).Where(i => indicators[i].Level1 == level || indicators[i].Level2 == level).ToList(), level);
            }
        }

        // 改造数量、完工率和资金执行率均未达到目标 (session 40): the sentence lists its own subjects, in words the table's names do not
        // match; they are not the whole table, and judging the claim against every row would contradict a true sentence.
        if (!whole && NamedList().IsMatch(clause.Before(at)))
        {
            return ([], null);
        }

        return (Enumerable.Range(0, indicators.Count).ToList(), "全部指标");
    }

    [GeneratedRegex(@"[\u4e00-\u9fff]{2,}\s*(?:、|和|与|及|以及)\s*[\u4e00-\u9fff]{2,}")]
    private static partial Regex NamedList();

    /// <summary>
    /// 定性指标全部完成 / 定量指标均已完成 (session 35, chat probe 34 #14): the group is the rows of that kind only (qualitative by
    /// the calculator's rule), so the note cites no quantitative row. Null when the clause names no kind, or the table has none of it.
    /// </summary>
    internal static (IReadOnlyList<int> Members, string? Name)? KindGroup(FactSheet sheet, string before)
    {
        Match kind = Match.Empty;
        foreach (Match k in KindWords().Matches(before))
        {
            kind = k;
        }

        if (!kind.Success)
        {
            return null;
        }

        bool qualitative = kind.Value.StartsWith("定性", StringComparison.Ordinal);
        var rows = sheet.Report.Indicators;
        var members = Enumerable.Range(0, rows.Count).Where(i => (rows[i].Rule == IndicatorRule.Qualitative) == qualitative).ToList();
        return members.Count == 0 ? null : (members, qualitative ? "定性指标" : "定量指标");
    }

    [GeneratedRegex(@"定性指标|定量指标")]
    private static partial Regex KindWords();

    private enum Side
    {
        None,
        Above,
        Below,
        AtMost,
    }

    private static Verdict Judge(ClaimKind kind, Side side, IndicatorResult r)
    {
        if (side != Side.None && r.Completion is { } c)
        {
            bool holds = side switch { Side.Above => c > 1m, Side.Below => c < 1m, _ => c <= 1m };
            return holds ? Verdict.Verified : Verdict.Contradicted;
        }

        if (side == Side.AtMost)
        {
            // 未超过控制标准 of a row with no completion (qualitative, unknown): what its status says of a reverse row only.
            return r.Rule == IndicatorRule.Reverse ? Judge(ClaimKind.Met, Side.None, r) : Verdict.Unverified;
        }

        return (kind, r.Status) switch
        {
            (_, IndicatorStatus.NotApplicable or IndicatorStatus.Unknown) => Verdict.Unverified,
            (ClaimKind.Exceeded, IndicatorStatus.Exceeded) => Verdict.Verified,
            (ClaimKind.Met, IndicatorStatus.Met or IndicatorStatus.Exceeded) => Verdict.Verified,
            (ClaimKind.Short, IndicatorStatus.Short) => Verdict.Verified,
            _ => Verdict.Contradicted,
        };
    }

    [GeneratedRegex(@"(?:等级|等次|档次)\s*(?:为|是|评定为|评为|定为)?\s*[“""「『]?(?<g>优秀|优|良好|良|中等|中|较差|差)(?![\u4e00-\u9fa5]{0,1}[化势质])[”""」』]?|(?:评为|评定为|定为)\s*[“""「『]?(?<g>优秀|优|良好|良|中等|中|较差|差)[”""」』]?(?:等级|等次)")]
    private static partial Regex GradePattern();

    // 达到“, 实现了, 达成: the verb right before a qualitative row's target word (not 未达到, 力争实现).
    [GeneratedRegex(@"(?<![未没不争保求])(?:达到|实现|达成|取得)了?\s*[“""「『]?\s*$|(?<![未没不尚])(?:已经?|均已|已然)\s*$")]
    private static partial Regex ReachedBefore();

    // ”的目标, 的预期目标, 目标: what follows the target word in the claim.
    [GeneratedRegex(@"\G\s*[”""」』]?\s*(?:的)?(?:年度)?(?:预期)?(?:目标值?|效果|水平|成效)?")]
    private static partial Regex TargetTail();

    [GeneratedRegex(@"除(?:了)?(?<x>[^，,。；;]{2,40}?)(?:以外|之外|外)")]
    private static partial Regex Exception();

    [GeneratedRegex(@"各项|所有|全部|一切|其余|其他|其它")]
    private static partial Regex Whole();

    [GeneratedRegex(@"其余|其他|其它")]
    private static partial Regex Rest();

    [GeneratedRegex(@"^\s*(?:以上|上述|前述|这几项|这些|上列)")]
    private static partial Regex Anaphor();

    [GeneratedRegex(@"(?:均|全部|全面|都|各项指标|所有指标|各项|指标全部)(?:已|已经|能|如期)?\s*$")]
    private static partial Regex GroupWords();

    [GeneratedRegex(@"(?<exceeded>超额完成(?!的?原因)|超出(?:年度)?(?:预期)?目标)|(?<short>未完成(?!的?原因)|没有完成|没能完成|未能完成|未能?达到|没能达到|未能?达成|没有达到|未能?达标|未能?实现|没能实现|没有实现)|(?<within>(?:未|没有|不)(?:超过|超出|高于)(?:年度)?(?:控制)?(?:" + DirectionTerms.LimitNouns + @")值?|(?:未|没有)超标(?=[了，,。；;\s]|$)|控制在(?:年度)?(?:控制)?(?:" + DirectionTerms.LimitNouns + @")值?(?:以内|之内|范围内|以下))|(?<below>低于(?:年度)?(?:预期)?(?:控制)?(?:" + DirectionTerms.LimitNouns + @")值?)|(?<above>(?:未能|没能|没有|未|不能|无法)控制在(?:年度)?(?:控制)?(?:" + DirectionTerms.LimitNouns + @")值?(?:以内|之内|范围内|以下)|高于(?:年度)?(?:预期)?(?:控制)?(?:" + DirectionTerms.LimitNouns + @")值?|(?:超出|超过)(?:控制)?(?:" + DirectionTerms.CeilingNouns + @")|超出控制目标|(?<![未不没无])超标(?=[了，,。；;\s\d]|$))|(?<all>全部完成|均已完成|均完成|全面完成|均达到?(?:年度)?(?:预期)?目标(?:任务)?(?:要求)?|均已达到?(?:年度)?(?:预期)?目标(?:任务)?(?:要求)?|均(?:已)?(?:达成|实现)(?:年度)?(?:预期)?(?:绩效)?目标)|(?<met>已完成|完成了?(?:年度)?(?:预期)?(?:绩效)?目标(?!的|\s*的|[^，,。；;]{0,12}?的\s*(?:\d|百分之))|达到了?(?:年度)?(?:预期)?(?:目标|指标)值?(?!的)|达到了?(?:年度)?预期(?:效果|水平)?(?!的)|(?<![未不没])达标(?=[了，,。；;\s]|$)|(?<!为|以|确保|力争|争取)(?:达成|实现)了?(?:年度)?(?:预期)?(?:绩效)?目标(?!的|\s*的|[^，,。；;]{0,12}?的\s*(?:\d|百分之)))")]
    private static partial Regex ClaimPattern();
}
