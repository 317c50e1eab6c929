// Frozen copy of src/Assistant.Domain/Verification/ClaimChecker.cs before issue 21 (the reference the golden and property tests compare against).
using Assistant.Domain.Verification;
using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests.ReferenceVerifier;

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
            // Session 33: a side of the row's limit (低于控制标准, 超标) or at most it (未超过控制标准, 控制在目标以内).
            string side = m.Groups["above"].Success ? "above" : m.Groups["below"].Success ? "below" : m.Groups["within"].Success ? "within" : "";
            string text = original.Substring(m.Index, m.Length);
            if (ctx.ForeignAt(m.Index) is { } foreign)
            {
                claims.Add(new CheckedClaim(m.Index, m.Length, text, kind, Verdict.OutOfScope, null, $"说的是{foreign}，不在本表范围内"));
                continue;
            }

            int index = Clause.IndexAt(ctx.Clauses, m.Index);
            Clause clause = ctx.Clauses[index];
            // Session 45 (the product's rule): a quantified set of the table's rows (一半以上的指标, 大部分产出指标, 所有效益指标).
            var quantified = Assistant.Domain.Verification.ClaimChecker.QuantifiedSubject(clause.Before(m.Index), out Match quantifier);
            if (quantified == Assistant.Domain.Verification.ClaimChecker.Quantified.ShareOfNumbers && kind != ClaimKind.Exceeded)
            {
                continue;
            }

            if (quantified is Assistant.Domain.Verification.ClaimChecker.Quantified.Share or Assistant.Domain.Verification.ClaimChecker.Quantified.ShareOfNumbers)
            {
                claims.Add(Assistant.Domain.Verification.ClaimChecker.ShareClaim(sheet, m, text, kind, quantifier));
                continue;
            }

            bool group = m.Groups["all"].Success || GroupWords().IsMatch(clause.Before(m.Index)) || quantified == Assistant.Domain.Verification.ClaimChecker.Quantified.All;
            if (Assistant.Domain.Verification.ClaimChecker.IsLinesThreshold(clause.Before(m.Index), ctx.Normalized, m.Index + m.Length))
            {
                continue;
            }

            if (group && Assistant.Domain.Verification.ClaimChecker.IsCountClaim(clause.Before(m.Index), clause.SentenceBefore(m.Index)))
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

            claims.Add(Judge(m.Index, m.Length, text, kind, side, subject, groupName));
        }

        claims.AddRange(DegreeClaims.Find(sheet, ctx.Normalized, original, claims, (p, t) => Single(Clause.IndexAt(ctx.Clauses, p), t, out _), p => ctx.ForeignAt(p)).ToList());
        // Session 43: the product's 提前完成 / 均按期完成 / 未发生 claims (no copy here), taken as the product gives them.
        claims.AddRange(Assistant.Domain.Verification.Verifier.Verify(sheet, original).Claims
            .Where(c => Session43Claim().IsMatch(c.Text) && !claims.Any(x => x.Start < c.Start + c.Length && x.Start + x.Length > c.Start)).ToList());
        // Session 33: a qualitative row said to have reached its own target word (达到“效果显著”的目标).
        for (int i = 0; i < sheet.Report.Indicators.Count; i++)
        {
            if (sheet.Report.Indicators[i] is not { Rule: IndicatorRule.Qualitative, Target: QualitativeCell target } || target.Text.Trim().Length < 2)
            {
                continue;
            }

            string word = target.Text.Trim();
            foreach (Match w in Regex.Matches(ctx.Normalized, Regex.Escape(word)))
            {
                int at = w.Index;
                Match verb = Regex.Match(ctx.Normalized[Math.Max(0, at - 8)..at], @"(?<![未没不争保求])(?:达到|实现|达成|取得)了?\s*[“""「『]?\s*$");
                if (!verb.Success || ctx.ForeignAt(at) is not null)
                {
                    continue;
                }

                int start = Math.Max(0, at - 8) + verb.Index;
                Match tail = Regex.Match(ctx.Normalized[(at + word.Length)..], @"^\s*[”""」』]?\s*(?:的)?(?:年度)?(?:预期)?(?:目标值?|效果|水平|成效)?");
                int end = at + word.Length + tail.Length;
                if (claims.Any(c => c.Start < end && c.Start + c.Length > start) || !Single(Clause.IndexAt(ctx.Clauses, at), word, out _).Contains(i))
                {
                    continue;
                }

                claims.Add(Judge(start, end - start, original.Substring(start, end - start), ClaimKind.Met, "", [i], null));
            }
        }

        // Session 34 (chat probe 33 #6): a row said to have reached a target written as a number (达到320人的目标).
        foreach ((int start, int length) in Assistant.Domain.Verification.ClaimChecker.NumericTargetSpans(ctx.Normalized))
        {
            if (ctx.ForeignAt(start) is not null || claims.Any(c => c.Start < start + length && c.Start + c.Length > start))
            {
                continue;
            }

            string text = original.Substring(start, length);
            IReadOnlyList<int> subject = Single(Clause.IndexAt(ctx.Clauses, start), text, out _);
            if (subject.Count > 0)
            {
                claims.Add(Judge(start, length, text, ClaimKind.Met, "", subject, null));
            }
        }

        // 评价等级为“优”: the grade of the computed 总分 (or of the printed one).
        foreach (Match g in Regex.Matches(ctx.Normalized, @"(?:等级|等次|档次)\s*(?:为|是|评定为|评为|定为)?\s*[“""「『]?(?<g>优秀|优|良好|良|中等|中|较差|差)(?![\u4e00-\u9fa5]{0,1}[化势质])[”""」』]?|(?:评为|评定为|定为)\s*[“""「『]?(?<g>优秀|优|良好|良|中等|中|较差|差)[”""」』]?(?:等级|等次)"))
        {
            if (sheet.Report.Grade is not { } expected || sheet.Report.Total is not { } total || ctx.ForeignAt(g.Index) is not null)
            {
                continue;
            }

            string said = g.Groups["g"].Value[..1];
            string? printed = sheet.Evaluation.PrintedTotal is { } p ? ScoringPolicy.Find(sheet.Report.PolicyName)?.GradeOf(p.Value) : null;
            bool right = said == expected || said == printed;
            claims.Add(new CheckedClaim(g.Index, g.Length, original.Substring(g.Index, g.Length), ClaimKind.Grade, right ? Verdict.Verified : Verdict.Contradicted, "total",
                right ? null : $"总分{PrintedNumber.Format(total, 2)}分，等级为“{expected}”"));
        }

        return claims;
    }

    private CheckedClaim Judge(int start, int length, string text, ClaimKind kind, string side, IReadOnlyList<int> subject, string? groupName)
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

        if (VerificationContext.HasOwnSubject(Assistant.Domain.Verification.ClaimChecker.WithoutQuotedWords(clause.Text.Replace(claim, string.Empty, StringComparison.Ordinal))))
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

            if (VerificationContext.HasOwnSubject(ctx.Clauses[k].Text))
            {
                ownSubject = true;
                return [];
            }
        }

        return [];
    }

    /// <summary>A group claim's members: the indicators its sentence lists, or the level it names, or all.</summary>
    /// <summary>A group claim's members, less those named between 除 and 外 (除因病致贫返贫外其余效益指标均已完成).</summary>
    private (IReadOnlyList<int> Members, string? Name) Group(Clause clause, int at)
    {
        if (Assistant.Domain.Verification.ClaimChecker.CeilingRows(sheet, clause.SentenceBefore(at)) is { } ceilings)
        {
            return ceilings;
        }

        Match except = Regex.Match(clause.SentenceBefore(at), @"除(?:了)?(?<x>[^，,。；;]{2,40}?)(?:以外|之外|外)");
        (IReadOnlyList<int> members, string? name) = GroupOf(clause, at, except);
        var excluded = except.Success ? except.Groups["x"].Value.Split(['、', '和', '及', '与'], StringSplitOptions.RemoveEmptyEntries).SelectMany(names.Named).ToHashSet() : [];

        // 其余/其他指标均…: less every indicator the paragraph named before the claim's clause.
        if (Regex.IsMatch(clause.Before(at), "其余|其他|其它"))
        {
            int paragraph = ctx.Normalized.LastIndexOf('\n', Math.Max(0, clause.Start - 1)) + 1;
            excluded.UnionWith(names.NamedInOrder(ctx.Normalized[paragraph..clause.Start], out _));
        }

        return excluded.Count == 0 ? (members, name) : (members.Where(i => !excluded.Contains(i)).ToList(), name);
    }

    private (IReadOnlyList<int> Members, string? Name) GroupOf(Clause clause, int at, Match except)
    {
        string sentence = clause.SentenceBefore(at);
        char[] head = (except.Success ? sentence[..except.Index] + new string('、', except.Length) + sentence[(except.Index + except.Length)..] : sentence).ToCharArray();
        foreach (Mention x in ctx.Mentions.Where(x => x.Start >= clause.SentenceStart && x.Start + x.Length <= at))
        {
            for (int p = x.Start; p < x.Start + x.Length; p++)
            {
                head[p - clause.SentenceStart] = '、';
            }
        }

        // 各项/所有/其余指标均… (not 上述各项): the whole table (or the level the clause names), never the names listed before.
        bool whole = Regex.IsMatch(clause.Before(at), "各项|所有|全部|一切|其余|其他|其它") && !Anaphor().IsMatch(clause.SentenceBefore(at));
        IReadOnlyList<int> listed = whole ? [] : names.NamedInOrder(new string(head), out _);
        if (listed.Count > 0)
        {
            return (listed, null);
        }

        // Session 35: 定性指标全部完成 is a claim over the qualitative rows only.
        if (Assistant.Domain.Verification.ClaimChecker.KindGroup(sheet, clause.Before(at)) is { } kind)
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

        return (Enumerable.Range(0, indicators.Count).ToList(), "全部指标");
    }

    private static Verdict Judge(ClaimKind kind, string side, IndicatorResult r)
    {
        if (side.Length > 0 && r.Completion is { } c)
        {
            bool holds = side == "above" ? c > 1m : side == "below" ? c < 1m : c <= 1m;
            return holds ? Verdict.Verified : Verdict.Contradicted;
        }

        if (side == "within")
        {
            return r.Rule == IndicatorRule.Reverse ? Judge(ClaimKind.Met, "", r) : Verdict.Unverified;
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

    [GeneratedRegex(@"^\s*(?:以上|上述|前述|这几项|这些|上列)")]
    private static partial Regex Anaphor();

    [GeneratedRegex(@"(?:均|全部|全面|都|各项指标|所有指标|各项|指标全部)(?:已|已经|能|如期)?\s*$")]
    private static partial Regex GroupWords();

    [GeneratedRegex(@"(?<exceeded>超额完成(?!的?原因)|超出(?:年度)?(?:预期)?目标)|(?<short>未完成(?!的?原因)|没有完成|没能完成|未能完成|未能?达到|没能达到|未能?达成|没有达到|未能?达标|未能?实现|没能实现|没有实现)|(?<within>(?:未|没有|不)(?:超过|超出|高于)(?:年度)?(?:控制)?(?:目标|指标|标准|上限|限值)值?|(?:未|没有)超标(?=[了，,。；;\s]|$)|控制在(?:年度)?(?:控制)?(?:目标|指标|标准|上限|限值)值?(?:以内|之内|范围内|以下))|(?<below>低于(?:年度)?(?:预期)?(?:控制)?(?:目标|指标|标准|上限|限值)值?)|(?<above>(?:未能|没能|没有|未|不能|无法)控制在(?:年度)?(?:控制)?(?:目标|指标|标准|上限|限值)值?(?:以内|之内|范围内|以下)|高于(?:年度)?(?:预期)?(?:控制)?(?:目标|指标|标准|上限|限值)值?|(?:超出|超过)(?:控制)?(?:标准|上限|限值)|超出控制目标|(?<![未不没无])超标(?=[了，,。；;\s\d]|$))|(?<all>全部完成|均已完成|均完成|全面完成|均达到?(?:年度)?(?:预期)?目标(?:任务)?(?:要求)?|均已达到?(?:年度)?(?:预期)?目标(?:任务)?(?:要求)?|均(?:已)?(?:达成|实现)(?:年度)?(?:预期)?(?:绩效)?目标)|(?<met>已完成|完成了?(?:年度)?(?:预期)?(?:绩效)?目标(?!的|\s*的|[^，,。；;]{0,12}?的\s*(?:\d|百分之))|达到了?(?:年度)?(?:预期)?(?:目标|指标)值?(?!的)|达到了?(?:年度)?预期(?:效果|水平)?(?!的)|(?<![未不没])达标(?=[了，,。；;\s]|$)|(?<!为|以|确保|力争|争取)(?:达成|实现)了?(?:年度)?(?:预期)?(?:绩效)?目标(?!的|\s*的|[^，,。；;]{0,12}?的\s*(?:\d|百分之)))")]
    private static partial Regex ClaimPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:提前|按期|按时|如期|及时|准时|未发生|未出现|没有发生|没有出现|未再发生|实现零)")]
    private static partial System.Text.RegularExpressions.Regex Session43Claim();
}
