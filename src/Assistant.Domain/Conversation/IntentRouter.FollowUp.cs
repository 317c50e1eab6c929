using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>Follow-ups read with the question before them (那第二个呢, 这个怎么改, 这个原因有说服力吗).</summary>
public static partial class IntentRouter
{
    /// <summary>
    /// Routes <paramref name="message"/> as <see cref="Route(string, FactSheet)"/> does, then, when it is a short
    /// follow-up that names no row, reads it against <paramref name="previous"/> (the user's last question):
    /// “第二个” is the second row of the previous answer's list (not the table's row 2), and “这个/这项/它” is the
    /// row the previous question was about (or the first of its list).
    /// </summary>
    public static Intent Route(string message, FactSheet sheet, string? previous)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sheet);
        // 原因是…: a reason that names no row goes to the row the conversation is about (or the only short row), and says so.
        if (GivenMeasure(message, sheet) is null && UnnamedReason(message, sheet, previous) is { } unnamed)
        {
            return unnamed;
        }

        Intent intent = Route(message, sheet);
        if (string.IsNullOrWhiteSpace(previous) || intent.Kind is IntentKind.CrossUnit or IntentKind.Verify or IntentKind.Rewrite or IntentKind.Export)
        {
            return intent;
        }

        string m = Canonical(message);
        // 原因怎么写 / 这个原因该怎么写 / 帮我写下原因 right after a question on one row or one fund line: that row's reason, or that line's
        // (how to write it, with its figures), not the whole of part 三 (session 44: the cue 这个/那个 was needed).
        if ((intent is { Kind: IntentKind.Draft, Part: "三" } || intent.Kind == IntentKind.Help) && intent.Indicators.Count == 0 && m.Length <= 16 && ReasonDraftAsk().IsMatch(m)
            && !Measures().IsMatch(m) && Route(previous, sheet) is { } asked)
        {
            if (asked.Indicators.Count == 1 && asked.Kind is IntentKind.Explain or IntentKind.Compute or IntentKind.Assess or IntentKind.Define)
            {
                return new Intent(IntentKind.Draft, "deviation-reasons", asked.Indicators, null, null) { Part = "三" };
            }

            var parts = asked.Funds.Where(f => sheet.Report.Funds.Any(l => l.Index == f && !l.IsRoot)).ToList();
            if (asked.Indicators.Count == 0 && (parts.Count == 1 || (parts.Count == 0 && asked.Funds.Count == 1)))
            {
                return new Intent(IntentKind.Compute, null, [], null, m) { Topic = Topics.Rate, Funds = parts.Count == 1 ? parts : asked.Funds };
            }
        }

        if (m.Length > 30 || !FollowUpCue().IsMatch(m))
        {
            return intent;
        }

        Intent before = Route(previous, sheet);
        if (before.Topic == Topics.NoSuchItem && intent.Indicators.Count == 0 && intent.Kind is not IntentKind.Draft)
        {
            return before; // “这个” is still the item the table does not have, never the first short row
        }

        // 那个原因要怎么写 after 辅助器具适配为什么没完成: that row's paragraph of part 三, not the whole part (session 43).
        if (intent.Kind == IntentKind.Draft && intent.Part == "三" && intent.Indicators.Count == 0 && before.Indicators.Count == 1
            && before.Kind is IntentKind.Explain or IntentKind.Compute or IntentKind.Assess)
        {
            return intent with { Indicators = before.Indicators };
        }

        // 执行率要到90%还差多少钱？要拿满分呢 / 资金要拿满分还差多少钱？到90%呢: the money question asked again, at full marks
        // or at another rate (never a row: 满分 and 90% name none).
        if (intent.Indicators.Count == 0 && intent.Kind is not IntentKind.Draft && before.Topic is Topics.FundFull or Topics.TotalForRate or Topics.PartForTotal)
        {
            if (FullMarks().IsMatch(m) && intent.Topic != Topics.FundFull)
            {
                return new Intent(IntentKind.Compute, null, [], null, null) { Topic = Topics.FundFull };
            }

            if (TableAnswers.RateAimed(m) is not null && intent.Topic is not (Topics.TotalForRate or Topics.PartForTotal or Topics.FundFull))
            {
                return new Intent(IntentKind.Compute, null, [], null, null) { Topic = Topics.TotalForRate, Text = m };
            }
        }

        // A money question is about the money, never the first short row of the answer before.
        if (intent.Topic is Topics.FundFull or Topics.TotalForRate or Topics.PartForTotal)
        {
            return intent;
        }

        // 要是省级资金都用完了呢 / 执行到100%呢: a what-if stays one; with no line named, the line of the turn before.
        if (intent.Topic == Topics.WhatIf)
        {
            return intent.Funds.Count == 0 && before.Funds.Count == 1 ? intent with { Funds = before.Funds } : intent;
        }

        // 那县级那块呢 after 执行率咋才80%: the same question of the fund line now named.
        if (intent.Indicators.Count == 0 && intent.Funds.Count > 0 && intent.Kind is IntentKind.Explain or IntentKind.Help or IntentKind.Compute or IntentKind.Define)
        {
            return new Intent(IntentKind.Compute, null, [], null, null) { Topic = before.Topic == Topics.Balance ? Topics.Balance : Topics.Rate, Funds = intent.Funds };
        }

        // 它的原因是什么 / 那它的原因写的是什么 after 区级资金执行率多少: “它” is the fund line asked before, never the first short row
        // (session 42: the row 送戏下乡 was answered).
        // With no line named before (执行率是多少 → 它的原因是什么), the total's line.
        IReadOnlyList<int> lines = before.Funds.Count > 0 ? before.Funds
            : before is { Kind: IntentKind.Compute, Topic: Topics.Rate or Topics.Balance or Topics.TotalRate or Topics.TotalBalance } && TableAnswers.RootFund(sheet) is { } root ? [root] : [];
        if (intent.Indicators.Count == 0 && intent.Funds.Count == 0 && before.Indicators.Count == 0 && lines.Count > 0
            && (intent.Kind is IntentKind.Explain or IntentKind.Help || intent.Kind == IntentKind.Compute && intent.Topic is null or Topics.Rate or Topics.Balance or Topics.Funds)
            && !ListWord().IsMatch(m))
        {
            return new Intent(IntentKind.Compute, null, [], null, null) { Topic = before.Topic is Topics.Balance or Topics.TotalBalance ? Topics.Balance : Topics.Rate, Funds = lines };
        }

        IReadOnlyList<int> order = RowsOf(before, sheet);
        Match pos = Position().Match(m);
        string g = pos.Groups[1].Value;
        if (pos.Success && (IndicatorMatcher.ChineseNumber(g) ?? (int.TryParse(g, out int k) ? k : null)) is int n)
        {
            if (n < 1 || n > order.Count || before.Indicators.Count == 1)
            {
                return intent;
            }

            int row = order[n - 1];
            return before.Kind switch
            {
                IntentKind.Compute when before.Topic is Topics.Lowest or Topics.Highest => before with { Indicators = [row], Topic = Topics.Completion },
                IntentKind.Compute => before with { Indicators = [row] },
                _ => new Intent(IntentKind.Explain, null, [row], null, null),
            };
        }

        if (intent.Indicators.Count == 0 && order.Count > 0 && intent.Kind is IntentKind.Explain or IntentKind.Assess or IntentKind.Help or IntentKind.Compute)
        {
            IReadOnlyList<int> rows = before.Indicators.Count > 0 ? before.Indicators : [order[0]];
            return intent.Kind == IntentKind.Help ? new Intent(IntentKind.Explain, null, rows, null, null) : intent with { Indicators = rows };
        }

        return intent;
    }

    /// <summary>The rows a previous answer listed, in its order.</summary>
    private static IReadOnlyList<int> RowsOf(Intent before, FactSheet sheet)
    {
        if (before.Indicators.Count > 0)
        {
            return before.Indicators;
        }

        var rows = sheet.Report.Indicators;
        return before.Topic switch
        {
            Topics.Lost or Topics.Total or Topics.Grade or Topics.MostLost => rows.Where(r => sheet.Find($"indicators[{r.Index}].lost") is not null)
                .OrderByDescending(r => sheet.Find($"indicators[{r.Index}].lost")!.Value).ThenBy(r => r.Index).Select(r => r.Index).ToList(),
            Topics.Lowest => rows.Where(r => r.Rule == IndicatorRule.Positive && r.Completion is not null).OrderBy(r => r.Completion).ThenBy(r => r.Index).Select(r => r.Index).ToList(),
            Topics.Highest => rows.Where(r => r.Rule == IndicatorRule.Positive && r.Completion is not null).OrderByDescending(r => r.Completion).ThenBy(r => r.Index).Select(r => r.Index).ToList(),
            Topics.Overshoot => rows.Where(r => r.Status == IndicatorStatus.Exceeded).Select(r => r.Index).ToList(),
            _ => IndicatorExplainer.ShortRows(sheet),
        };
    }

    // 原因怎么写, 这个原因该怎么写, 原因咋写, 帮我写下原因, 写一下原因, 原因写一下: the reason of the row or line just asked of.
    [GeneratedRegex("原因(?:该|要|应该|应当|得)?(?:怎么|咋|怎样|如何)写|(?:怎么|咋|怎样|如何)写(?:这个|那个)?原因|写(?:下|一下|个|一个)?(?:这个|那个|它的)?原因|原因(?:帮我)?写(?:一下|下)")]
    private static partial Regex ReasonDraftAsk();

    internal static bool AsksReasonDraft(string message) => ReasonDraftAsk().IsMatch(Canonical(message));

    [GeneratedRegex("^(?:那|那么|还有|再|然后)|呢[?？。!！]*$|这个|这项|这条|该项|它|那项|那个|那条|上面(?:那|这|的)|刚才(?:那|这|问的|说的)|前面(?:那|这|说的)")]
    private static partial Regex FollowUpCue();

    // 第三部分 / 第二节 / 第四季度 name a part of the report or of the year, never the third row of the answer before.
    [GeneratedRegex(@"第\s*([一二三四五六七八九十]{1,3}|\d{1,2})(?![一二三四五六七八九十\d])\s*(?:个|项|条|名)?(?!\s*(?:大?部分|节|章|段|页|季度|年|月|次|批|轮|期))")]
    private static partial Regex Position();
}
