using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Conversation;

/// <summary>
/// Messages that ask two or more things at once (执行率多少？哪些指标没完成？ / 总分和扣分最多的指标): every part
/// is answered, in the order asked, not only the first.
/// </summary>
public static partial class IntentRouter
{
    /// <summary>An answer that, on a table without 分值, says there is no score: the table's kind, its total, points lost or grade.</summary>
    private static bool IsNoScore(Intent i) =>
        i.Topic == Topics.Transfer || (i.Kind == IntentKind.Compute && i.Topic is Topics.Total or Topics.Lost or Topics.Grade && i.Indicators.Count == 0 && i.Funds.Count == 0);

    /// <summary>
    /// The intents of every question in <paramref name="message"/>: one when it asks one thing (then exactly
    /// <see cref="Route(string, FactSheet, string?)"/>), else one per part that asks something the others do not.
    /// Parts are the message's sentences (？ ； 。 and line breaks, 另外/还有/顺便 after a comma), and two figures joined by
    /// 和/以及/还有 when each half is a question of its own (总分和扣分最多的指标). A part too short to ask anything
    /// (为什么) is read with the part before it. A pasted text, a draft, an export or a question across units is never split.
    /// </summary>
    public static IReadOnlyList<Intent> RouteAll(string message, FactSheet sheet, string? previous = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sheet);
        Intent whole = Route(message, sheet, previous);
        // 8项指标里几项没完成 on a table of 7 rows: the count the question takes for granted is corrected first.
        Intent? premise = whole.Kind is IntentKind.CrossUnit or IntentKind.Draft or IntentKind.Verify or IntentKind.Rewrite ? null : CountPremise(message, sheet);
        IReadOnlyList<Intent> Said(IReadOnlyList<Intent> answered) => premise is null ? answered : [premise, .. answered];
        bool money = whole.Topic is Topics.FundFull or Topics.PartForTotal or Topics.TotalForRate;
        // 哪些超额比较多，要不要写原因: the rows over the threshold, then whether each needs a reason and has one. (哪些没完成，要不要写原因
        // stays one answer: the list of rows short already says, row by row, whether a reason is written.)
        if (whole.Topic == Topics.ReasonNeeded && whole.Indicators.Count == 0 && RowsAskedWithReason(message, sheet) is { } asked)
        {
            return Said([asked.List, whole with { Indicators = asked.Rows }]);
        }

        // 再把第三部分整体重写一下，然后第三部分的全文给我看看: drafted again, then the whole new text shown.
        if (whole is { Kind: IntentKind.Draft, Part: "三" } && whole.Topic is null && ThenShown(message) is { } shown)
        {
            return Said([whole, shown]);
        }

        if (whole.Kind is IntentKind.CrossUnit or IntentKind.Verify or IntentKind.Rewrite or IntentKind.Export or IntentKind.Draft or IntentKind.Clarify
            || whole.Text is not null && whole.Kind is IntentKind.Assess || NotSplit().IsMatch(Canonical(message))
            || whole.Topic is Topics.GivenReason or Topics.DropItem
            || whole.Topic == Topics.WhatIfRow && AsksDeductStart(whole.Text ?? string.Empty) && ByRows(message, sheet).Count() < 2) // 升到多少开始扣分？升到5‰扣几分？: one row, both answered
        {
            return Said([whole]);
        }

        IReadOnlyList<string> parts = Parts(message, sheet);
        if (parts.Count < 2)
        {
            return Said([whole]);
        }

        var intents = new List<Intent>();
        string? before = previous;
        foreach (string part in parts)
        {
            Intent i = Route(part, sheet, before);
            before = part;
            // 完成率是82%吗？完成了吗: a sentence that only asks whether the row just confirmed was met is that yes/no's second half,
            // answered by it (session 41: read as a part of its own and dropped as a repeat).
            if (intents.Count > 0 && intents[^1] is { Kind: IntentKind.Compute, Topic: Topics.Confirm, Indicators.Count: 1 } confirmed
                && StatusOnly(part, sheet, confirmed.Indicators[0]))
            {
                intents[^1] = confirmed with { Text = confirmed.Text + "？" + Canonical(part) };
                continue;
            }

            if (i.Kind is IntentKind.Help or IntentKind.CrossUnit || intents.Any(x => Same(x, i)))
            {
                continue;
            }

            // 要到多少才能拿满分？还差多少钱: the money answer already says what is still unspent; a bare 还差多少钱 adds nothing.
            if (money && i.Topic is not (Topics.FundFull or Topics.PartForTotal or Topics.TotalForRate) && i.Indicators.Count == 0 && BareMoneyAsk().IsMatch(Canonical(part)))
            {
                continue;
            }

            // 满意度要到多少才能拿满分，人均经费那项又该控制在多少: “又” asks the row after the comma the same question (full marks), when it
            // gives no value of its own.
            if (intents.Count > 0 && intents[^1] is { Topic: Topics.WhatIfRow, Indicators.Count: 1 } same && i.Indicators.Count == 1 && !same.Indicators.SequenceEqual(i.Indicators)
                && SameAgain().IsMatch(part) && !part.Any(char.IsAsciiDigit))
            {
                i = same with { Indicators = i.Indicators };
            }

            // 转移支付表怎么没有得分？总分多少 (session 45): on a table without 分值 one answer says there is no score and what is computed,
            // its introduction before its list; a second (the total's) had said it again after the list.
            if (!TableAnswers.Scored(sheet) && intents.Any(x => IsNoScore(x)) && IsNoScore(i))
            {
                continue;
            }

            // 总分怎么算？每项扣多少？: the total's answer already works out every row's points lost (扣分最多的三项？各扣多少: so does the ranking).
            if (i.Kind == IntentKind.Compute && i.Topic == Topics.Lost && i.Indicators.Count == 0 && intents.Any(x => x.Kind == IntentKind.Compute && x.Topic is Topics.Total or Topics.MostLost))
            {
                continue;
            }

            // 人均培训成本超了，要写原因吗？扣了多少分: points lost that name nothing are the row just asked of, not the whole table's
            // breakdown again (session 41).
            if (i is { Kind: IntentKind.Compute, Topic: Topics.Lost } && i.Indicators.Count == 0 && i.Funds.Count == 0 && intents.Count > 0
                && intents[^1] is { Indicators.Count: > 0 } askedRows && !WholeTable().IsMatch(Canonical(part)))
            {
                i = i with { Indicators = askedRows.Indicators };
            }

            // 老年人健康管理和高血压规范管理这两项各扣了多少分？为什么没完成？: a why that names nothing is about the rows just asked of.
            if (i.Kind is IntentKind.Explain or IntentKind.Assess && i.Text is null && i.Indicators.Count == 0 && i.Funds.Count == 0 && intents.Count > 0
                && intents[^1] is { Indicators.Count: > 0 } prior && !ListWord().IsMatch(Canonical(part)))
            {
                i = i with { Indicators = prior.Indicators };
            }

            // 总分和扣分最多的指标: the total's answer already names the row that lost most (a ranking of several places is still asked).
            if (i.Topic == Topics.MostLost && (TableAnswers.RankAsked(part) ?? 1) == 1 && !PluralRank().IsMatch(Canonical(part))
                && intents.Any(x => x.Kind == IntentKind.Compute && x.Topic is Topics.Total or Topics.Grade))
            {
                continue;
            }

            // 执行率多少，要不要写原因 / 结余多少？需不需要说明: whether the money just asked about needs a reason, line by line.
            if (i.Topic == Topics.ReasonNeeded && i.Indicators.Count == 0 && intents.Count > 0
                && intents[^1] is { Kind: IntentKind.Compute, Topic: Topics.Rate or Topics.Funds or Topics.Balance or Topics.Confirm } money1 && money1.Indicators.Count == 0)
            {
                // No line named (执行率多少，要不要写原因): the total's figure first, then only the lines that need a reason, each said once
                // (session 40: every line was listed twice and the total's reason quoted by both parts).
                if (money1.Funds.Count == 0 && money1.Topic is Topics.Rate or Topics.Funds or Topics.Balance && TableAnswers.RootFund(sheet) is not null)
                {
                    intents[^1] = money1 with { Topic = money1.Topic == Topics.Balance ? Topics.TotalBalance : Topics.TotalRate };
                    i = i with { Kind = IntentKind.Compute, Topic = Topics.FundReasonsDue, Funds = [] };
                }
                else
                {
                    i = i with { Kind = IntentKind.Compute, Funds = money1.Funds };
                }
            }

            // 人均培训成本3620元，超没超上限？超了多少: the yes/no on the cap already gives how far over; the gap of every short row is not asked.
            if (i is { Kind: IntentKind.Compute, Topic: Topics.Gap, Indicators.Count: 0, Funds.Count: 0 } && intents.Count > 0
                && intents[^1] is { Topic: Topics.CapYesNo, Indicators.Count: 1 } && !ListWord().IsMatch(Canonical(part)))
            {
                continue;
            }

            // 总执行率多少？哪些资金低于90%: the total's figure first, then the lines below the threshold, each once (session 43: the list was dropped).
            if (i.Topic == Topics.FundReasonsDue && intents.Count > 0 && intents[^1] is { Kind: IntentKind.Compute, Topic: Topics.Rate or Topics.Funds, Indicators.Count: 0, Funds.Count: 0 } rates
                && TableAnswers.RootFund(sheet) is not null)
            {
                intents[^1] = rates with { Topic = Topics.TotalRate };
            }

            // 省级资金执行率多少，结余多少万: the balance of the line just asked of (session 42: the rate was dropped and every line's
            // balance given).
            if (i is { Kind: IntentKind.Compute, Topic: Topics.Balance, Indicators.Count: 0, Funds.Count: 0 } && intents.Count > 0
                && intents[^1] is { Kind: IntentKind.Compute, Topic: Topics.Rate or Topics.Confirm, Indicators.Count: 0, Funds.Count: > 0 } rateAsked)
            {
                i = i with { Funds = rateAsked.Funds };
            }

            // 哪些指标没完成？为什么？: the list already gives each row's stated reason; the why adds nothing.
            if (i.Kind == IntentKind.Explain && i.Indicators.Count == 0 && intents.Any(x => x.Kind == IntentKind.List && x.Topic is null or Topics.Short))
            {
                continue;
            }

            intents.Add(i);
        }

        return Said(intents.Count >= 2 ? intents : [whole]);
    }

    /// <summary>
    /// A part that only asks whether a row was met (完成了吗 / 是不是没完成 / 那达标没有 / 这项算完成吗): no figure, no other row named, nothing
    /// else asked (为什么, 怎么写, 扣…分).
    /// </summary>
    private static bool StatusOnly(string part, FactSheet sheet, int row)
    {
        string c = Canonical(part);
        return TableAnswers.StatusAsked(c) && !c.Any(char.IsAsciiDigit) && !OtherAsk().IsMatch(c)
            && IndicatorMatcher.Match(c, sheet).Indicators.All(r => r == row);
    }

    [GeneratedRegex("为什么|为啥|咋|怎么|如何|原因|扣|得分|多少|几|哪些|哪项|写")]
    private static partial Regex OtherAsk();

    /// <summary>
    /// The number of indicators a question takes the table to have (8项指标里几项没完成, 这十个指标中, 共9项指标) when it is not the
    /// table's count: a <see cref="Topics.CountPremise"/> intent saying so, else null. A count of one level's rows (产出指标5项) is not the table's.
    /// </summary>
    private static Intent? CountPremise(string message, FactSheet sheet)
    {
        int rows = sheet.Evaluation.Indicators.Count;
        if (rows == 0 || StatedRows().Match(TextNormalizer.Normalize(message)) is not { Success: true } stated)
        {
            return null;
        }

        string n = stated.Groups["n"].Value;
        int? count = int.TryParse(n, out int d) ? d : IndicatorMatcher.ChineseNumber(n);
        return count is { } c && c > 1 && c != rows && c <= 200
            ? new Intent(IntentKind.Define, null, [], null, c.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Topic = Topics.CountPremise }
            : null;
    }

    /// <summary>
    /// A later clause of a message that drafts part 三 again asking to see the whole text (然后第三部分的全文给我看看, 改完把全文发给我):
    /// the part as stored, shown after the draft; null when no clause asks it.
    /// </summary>
    private static Intent? ThenShown(string message)
    {
        string[] pieces = ThenSplit().Split(Canonical(message));
        foreach (string piece in pieces.Skip(1))
        {
            if (ShowStored(piece) is { } shown)
            {
                return shown;
            }

            // 然后给我看看全文 / 完整的发我: the part being drafted is the one meant.
            if (ShowAsk().IsMatch(piece) && WholeText().IsMatch(piece) && !DraftVerb().IsMatch(piece) && !ChangeAsk().IsMatch(piece))
            {
                return new Intent(IntentKind.Draft, "deviation", [], null, null) { Part = "三", Topic = Topics.ShowStored };
            }
        }

        return null;
    }

    /// <summary>A ranking of several places (哪几项, 哪些, 前三).</summary>
    [GeneratedRegex("哪几|哪些|几项|前[两二三四五]|前\\d|排名|排序|排个序")]
    private static partial Regex PluralRank();

    [GeneratedRegex(@"[，,。；;？?！!\n]+|然后|接着|之后|完了|弄完|改完|写完|重写完")]
    private static partial Regex ThenSplit();

    [GeneratedRegex("全文|全部|完整|整个|整段|整体|全貌|一整")]
    private static partial Regex WholeText();

    private static bool Same(Intent a, Intent b) =>
        a.Kind == b.Kind && a.Topic == b.Topic && a.Indicators.SequenceEqual(b.Indicators) && a.Funds.SequenceEqual(b.Funds) && a.Text == b.Text;

    /// <summary>
    /// The questions of a message, in order; a part of fewer than three characters goes with the one before. Within a sentence,
    /// a comma starts a new question when the words after it name another row and ask something of it
    /// (满意度要到多少才能拿满分，人均经费那项又该控制在多少).
    /// </summary>
    private static List<string> Parts(string message, FactSheet sheet)
    {
        var parts = new List<string>();
        foreach (string sentence in SentenceEnd().Split(message))
        {
            foreach (string piece in Joined().Split(sentence).SelectMany(SecondAsks).SelectMany(p => ByRows(p, sheet)))
            {
                string p = Connective().Replace(piece.Trim(' ', '，', ',', '、'), string.Empty).Trim(' ', '，', ',', '、');
                if (p.Length == 0)
                {
                    continue;
                }

                // 下一步措施写哪些？针对活动场次和设备采购: a part that asks nothing narrows the question before it.
                if (parts.Count > 0 && (p.Length < 3 || !Asks().IsMatch(Canonical(p))))
                {
                    parts[^1] += "，" + p;
                    continue;
                }

                parts.Add(p);
            }
        }

        // 总分和扣分最多的指标: two figures joined by 和 — split only when both halves ask something themselves.
        if (parts.Count == 1 && And().Match(parts[0]) is { Success: true } and)
        {
            string left = parts[0][..and.Index].Trim(), right = parts[0][(and.Index + and.Length)..].Trim();
            if (left.Length >= 2 && right.Length >= 3 && FigureNoun().IsMatch(left) && AskCue().IsMatch(right))
            {
                return [left, right];
            }
        }

        return parts;
    }

    /// <summary>
    /// A sentence cut at a comma after which a question of its own begins — a list (哪些指标没写原因), whether a reason is due
    /// (要不要写原因), how to write it (怎么写) — when the words before it ask something too: 满意度83%要写原因吗，哪些指标没写原因 is
    /// two questions, each answered (probe 38 #10).
    /// </summary>
    private static IEnumerable<string> SecondAsks(string sentence)
    {
        Match cut = SecondAsk().Match(sentence);
        if (!cut.Success)
        {
            return [sentence];
        }

        string left = sentence[..cut.Index], right = sentence[(cut.Index + cut.Length)..];
        // 哪几项没完成，要不要写原因 stays one list: each row short says itself whether its reason is written.
        if (ListWord().IsMatch(Canonical(left)) && ReasonAsk().IsMatch(Canonical(right)))
        {
            return [sentence];
        }

        return left.Trim().Length >= 3 && right.Trim().Length >= 3 && Asks().IsMatch(Canonical(left)) && !NotSplit().IsMatch(Canonical(sentence))
            ? [left, .. SecondAsks(right)]
            : [sentence];
    }

    [GeneratedRegex("^\\s*(?:要不要|需不需要|用不用|是否需要|需要写|要写原因|得写原因|要说明)")]
    private static partial Regex ReasonAsk();

    /// <summary>A comma and the start of a question of its own: 哪些/哪几, 要不要写/需不需要写/要写…吗, 怎么写/咋写/如何写, 结余多少 (session 42).</summary>
    [GeneratedRegex(@"[，,]\s*(?=(?:那|那么|再说说|还有)?\s*(?:哪些|哪几|要不要|需不需要|用不用|是否需要|需要写|要写原因|得写原因|要说明|怎么写|咋写|如何写|报告里(?:怎么|咋|如何)|结余(?:多少|有多少|是多少|还有多少)|还剩多少|剩了多少))")]
    private static partial Regex SecondAsk();

    /// <summary>
    /// The rows a “do these need a reason” question lists (哪些超额比较多 → the rows over the policy's threshold), as the list intent
    /// and the rows; null when it asks about no such list.
    /// </summary>
    private static (Intent List, IReadOnlyList<int> Rows)? RowsAskedWithReason(string message, FactSheet sheet)
    {
        string m = Canonical(message);
        if (!ListWord().IsMatch(m) || !Over().IsMatch(m))
        {
            return null;
        }

        var items = Drafting.DeviationItems.Find(sheet, TableAnswers.PolicyOf(sheet))
            .Where(x => x.IndicatorIndex is not null && x.Kind == Drafting.DeviationKind.Overshoot)
            .Select(x => x.IndicatorIndex!.Value).Distinct().ToList();
        return (new Intent(IntentKind.List, null, [], null, null) { Topic = Topics.Overshoot }, items);
    }

    /// <summary>
    /// A sentence cut at the commas after which another row is named, with a word turning to it (又, 那项), and asked about; the
    /// sentence whole when none.
    /// </summary>
    private static IEnumerable<string> ByRows(string sentence, FactSheet sheet)
    {
        string[] pieces = sentence.Split('，', ',');
        if (pieces.Length < 2)
        {
            return [sentence];
        }

        IReadOnlyList<int> Rows(string text)
        {
            IndicatorMatch found = IndicatorMatcher.Match(Canonical(text), sheet);
            return found.Ambiguous ? [] : found.Indicators;
        }

        var result = new List<string>();
        string current = pieces[0];
        foreach (string piece in pieces.Skip(1))
        {
            IReadOnlyList<int> left = Rows(current), right = Rows(piece);
            if (left.Count > 0 && right.Count > 0 && !left.Intersect(right).Any() && AnotherRow().IsMatch(piece) && Asks().IsMatch(Canonical(current)) && Asks().IsMatch(Canonical(piece)))
            {
                result.Add(current);
                current = piece;
            }
            else
            {
                current += "，" + piece;
            }
        }

        result.Add(current);
        return result;
    }

    /// <summary>
    /// Words that turn to another row after a comma (人均经费那项又…, 火灾受害率又超了多少, 老年人那项呢): without them a word of a row's
    /// name in the second half (封顶是哪条规定 — 在规定时间内支付到位率) does not make it a question of its own.
    /// </summary>
    [GeneratedRegex("又|也|那项|那一项|那个指标|这项|这一项|呢|同样|另外|还有")]
    private static partial Regex AnotherRow();

    /// <summary>The same question asked again of another row (又, 也, 同样, 呢).</summary>
    [GeneratedRegex("又|也|同样|呢")]
    private static partial Regex SameAgain();

    /// <summary>The money still missing asked alone (还差多少钱, 现在差多少), which the money answer already gives.</summary>
    [GeneratedRegex(@"^[^，。？?]{0,6}?(?:还差|差)(?:多少|几)(?:钱|万元|元|资金)?[呢吗啊？?。]*$")]
    private static partial Regex BareMoneyAsk();

    /// <summary>How many indicators the question says the table has: 8项指标, 这十个指标, 共9项绩效指标 (not 产出指标5项).</summary>
    [GeneratedRegex(@"(?:共|总共|一共|这|全部|所有|表里|表中|表上)(?:有)?\s*(?<n>\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:项|个|条)\s*(?:绩效)?指标|(?<n>\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:项|个|条)\s*(?:绩效)?指标\s*(?:里|中|当中|里面|里头|之中)")]
    private static partial Regex StatedRows();

    /// <summary>A part that asks something of its own (a question word, a request, a superlative).</summary>
    [GeneratedRegex("吗|么|什么|多少|几|哪|怎|为何|为啥|如何|是否|有没有|呢|能不能|可不可以|行不行|对不对|请|帮|写|列|说明|解释|算|查|看看|给我|告诉|起草|分析|咋|啥|最多|最少|最高|最低|情况")]
    private static partial Regex Asks();

    [GeneratedRegex(@"[？?；;。!！\n]+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[，,]\s*(?:另外|还有|再就是|顺便|同时|以及|并且|另外再)(?:问一下|问下|说说|看看)?")]
    private static partial Regex Joined();

    /// <summary>A word that joins a part to the one before (另外, 还有, 顺便问一下), not part of what it asks.</summary>
    [GeneratedRegex("^(?:另外|还有|再就是|顺便问一下|顺便问下|顺便|同时|以及|并且|然后|再问一下|再问下)[，,\\s]*")]
    private static partial Regex Connective();

    [GeneratedRegex("和|以及|还有|跟|与")]
    private static partial Regex And();

    /// <summary>A left half that is a figure of its own (总分, 执行率, 等级, 得分).</summary>
    [GeneratedRegex(@"^(?:(?:这张表|本表|表里|我们|我们的|项目)(?:的)?)?(?:总分|总得分|等级|评级|执行率|资金执行率|预算执行率|完成率|得分|扣分|结余|结余多少)(?:是|为)?(?:多少|几分)?$")]
    private static partial Regex FigureNoun();

    /// <summary>A right half that asks something (a list, a ranking, a figure).</summary>
    [GeneratedRegex("哪些|哪几|哪个|哪项|最多|最少|最低|最高|多少|几项|怎么|为什么|为啥|原因|没完成|未完成|扣分")]
    private static partial Regex AskCue();

    /// <summary>A comparison or a difference is one question (执行率和完成率有什么区别, 分别是多少).</summary>
    [GeneratedRegex("区别|不同|差别|差异|关系|比较|对比|相比|分别|各自|一样吗|哪个高|哪个低|哪个大")]
    private static partial Regex NotSplit();

    /// <summary>A part that asks of the whole table (总共扣了多少, 各项, 哪些), not of the row just named.</summary>
    [GeneratedRegex("总|一共|合计|共扣|各项|每项|每个|各个|全部|所有|哪些|哪几|整体|整个")]
    private static partial Regex WholeTable();
}
