using System.Text.RegularExpressions;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>
/// Routes a chat message without a model. The message is normalised (full-width forms, common typos),
/// then read for what is asked, in order of how specific the cue is: a pasted text to rewrite, check or
/// judge; export; a part of the report to draft; similar cases; a judgement of a reason; a definition;
/// a figure; a list; an explanation; an overview. Indicators come from <see cref="IndicatorMatcher"/>.
/// </summary>
public static partial class IntentRouter
{
    /// <summary>Whether the message asks how to write something in the report (报告里咋写, 怎么说明).</summary>
    internal static bool AsksHowToWrite(string message) => WriteHow().IsMatch(Canonical(message));

    /// <summary>Whether the message asks from which value a row starts to lose points (升到多少就开始扣分).</summary>
    internal static bool AsksDeductStart(string message) => DeductStart().IsMatch(message);

    public static Intent Route(string message, Evaluation evaluation) => Route(message, FactSheet.Build(evaluation));

    public static Intent Route(string message, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sheet);
        string m = Canonical(message);
        string payload = Payload(TextNormalizer.Normalize(message), message) ?? string.Empty;
        string ask = payload.Length >= 6 ? m.Replace(Canonical(payload), " ", StringComparison.Ordinal) : m;

        // A second line or a text after a colon is pasted text only when the message asks something of a text.
        bool hasPayload = payload.Length >= 6 && (VerifyVerb().IsMatch(ask) || Rewrite().IsMatch(ask) || AssessWords().IsMatch(ask) || ThisText().IsMatch(ask));
        if (!hasPayload)
        {
            ask = m;
        }

        // 孕产妇死亡率超标的原因是：全县年活产数少…: a reason for a row of this table, given by the staff member, whatever words
        // inside it (全县, 各乡镇) would otherwise read as a question across units.
        // 第2条措施改成：… / 把X的措施换成… / X的改进措施写：…: the measure replaces the row's, and part 三 is drafted again with it.
        if (GivenMeasure(message, sheet) is { } measured)
        {
            return measured;
        }

        if (ShowStored(m) is { } show)
        {
            return show;
        }

        if ((!hasPayload || ReasonIsThePayload(message)) && GivenReason(message, m, sheet) is { } stated)
        {
            return stated;
        }

        if (CrossUnitQuestions.Recognize(message, sheet.Evaluation.Year) is { } across)
        {
            if (PlaceLines.AsLineQuestion(message, across, sheet) is { } ownLines)
            {
                return Route(ownLines, sheet);
            }

            return new Intent(IntentKind.CrossUnit, null, [], null, null) { Across = across };
        }
        // 加上建立危重孕产妇救治绿色通道: the measure asked for names no row (孕产妇 in it is not a row's name).
        if (UserStatements.AskedMeasure(message) is { } measure)
        {
            ask = ask.Replace(Canonical(measure), " ", StringComparison.Ordinal);
        }

        // 资金结余多少万元: the unit asked is the answer's, not a word of a row's name (单个项目平均支持金额（万元）, session 42).
        IndicatorMatch match = IndicatorMatcher.Match(AskedMoneyUnitWords().Replace(ask, "多少"), sheet);
        // 家庭养老床位为什么只得8.52: of two rows the words fit (建设数, 建设补助标准), the one whose printed figure the question quotes (session 43).
        if (match.Ambiguous && ByQuotedFigure(m, match.Indicators, sheet) is { } quotedRow)
        {
            match = new IndicatorMatch([quotedRow], false);
        }

        // 床位建设差36张对吗: of two rows the words fit (建设数 in 张, 建设补助 in 万元), the one counted in the unit quoted (session 45).
        if (match.Ambiguous && ByQuotedUnit(m, match.Indicators, sheet) is { } unitRow)
        {
            match = new IndicatorMatch([unitRow], false);
        }

        IReadOnlyList<int> named = match.Ambiguous ? [] : match.Indicators;
        // 医疗救助资金执行率多少: 执行率 is the money's; a row sharing a word of the project's name (重特大疾病医疗救助年度限额) is not
        // asked, unless written out in full or itself a rate of spending (session 41).
        if (named.Count > 0 && m.Contains("执行率", StringComparison.Ordinal) && !CompletionWord().IsMatch(m)
            && named.All(i => Canonical(sheet.Evaluation.Indicators[i].Name.Trim()) is { } n && !n.Contains("执行", StringComparison.Ordinal) && !n.Contains("支出", StringComparison.Ordinal)
                && !ask.Contains(n, StringComparison.Ordinal)))
        {
            named = [];
        }

        IReadOnlyList<int> funds = named.Count == 0 ? FundMatcher.Match(ask, sheet) : [];
        // 省级补助资金结余多少万: a fund line written out in full is the line asked of, not a row sharing a word of it (补助标准),
        // unless a row is written out in full too.
        if (named.Count > 0 && FundNamedInFull(ask, sheet) is { Count: > 0 } full
            && !named.Any(i => ask.Contains(Canonical(sheet.Evaluation.Indicators[i].Name.Trim()), StringComparison.Ordinal)))
        {
            named = [];
            funds = full;
        }

        Intent Make(IntentKind kind, string? topic = null) => new(kind, null, named, null, null)
        {
            Topic = topic, Funds = funds, Chosen = match.SetAside.Count > 0 && named.Count > 0 ? match : null,
        };

        // 营造林面积1.35万亩合多少亩 / 户均改造成本2.38万元，报告里写成23800元可以吗: the amount in the other unit, exactly (session 41:
        // these had been answered with the row's figures, or as a judgement of its reason).
        if (!hasPayload && !Hypothetical().IsMatch(m) && TableAnswers.ConversionAsked(m) is not null)
        {
            return Make(IntentKind.Compute, Topics.Convert) with { Text = m, Indicators = named.Count == 1 ? named : [] };
        }

        // 第三部分的改进措施第1条太长了，帮我重新起草第三部分: a part drafted again is a draft, not a rewrite of pasted text.
        if (Rewrite().IsMatch(ask) && !(!hasPayload && RedraftPart().IsMatch(ask)))
        {
            return Make(IntentKind.Rewrite, Concise().IsMatch(ask) ? Topics.Concise : Topics.Formal) with { Text = hasPayload ? payload : null };
        }

        if (hasPayload && AssessWords().IsMatch(ask))
        {
            return Make(IntentKind.Assess) with { Text = payload };
        }

        if (hasPayload && (VerifyVerb().IsMatch(ask) || ThisText().IsMatch(ask)) && !DraftVerb().IsMatch(ask))
        {
            return Make(IntentKind.Verify) with { Text = payload };
        }

        if (Export().Match(ask) is { Success: true } ex)
        {
            string f = ex.Value.Contains("pdf", StringComparison.OrdinalIgnoreCase) || ask.Contains("pdf", StringComparison.Ordinal) ? "pdf"
                : TableFile().IsMatch(ask) && !ReportFile().IsMatch(ask) ? "xlsx" : "docx";
            return Make(IntentKind.Export) with { Format = f };
        }

        // 【待核实】是什么意思 / 为什么有待核实 / 待核实的在哪: what the marker means and what to do about it.
        if (PendingMark().IsMatch(m) && !DraftVerb().IsMatch(m))
        {
            // 待核实的有哪些 / 哪几处待核实 / 待核实的在哪: the marks of the latest draft and report, listed.
            return ListWord().IsMatch(m) || PendingWhere().IsMatch(m) ? Make(IntentKind.List, Topics.PendingList) : Make(IntentKind.Define, Topics.Pending);
        }

        // 居民健康素养水平那条不用写了，删掉后重新出一版: whether the row may leave part 三, and why not.
        if (named.Count == 1 && funds.Count == 0 && DropAsk().IsMatch(m) && !DropWithinText().IsMatch(m))
        {
            return Make(IntentKind.Define, Topics.DropItem);
        }

        // 辅助器具适配扣了2.75分吗 / 覆盖率86.2%，得满分对吧: yes or no on one row's points lost or full marks (session 42).
        if (named.Count == 1 && funds.Count == 0 && !Hypothetical().IsMatch(m) && (TableAnswers.ConfirmAskedLost(m) is not null || TableAnswers.FullMarksAsked(m)))
        {
            return Make(IntentKind.Compute, Topics.Confirm) with { Text = m };
        }

        // 平均支持金额285万，是不是超了上限 / 补助标准刚好3000，算不算超上限: 是的 or 不是 first on a ceiling row (session 43: the 封顶 rule came first).
        if (named.Count == 1 && funds.Count == 0 && !Hypothetical().IsMatch(m) && sheet.Report.Indicators[named[0]].Rule == IndicatorRule.Reverse
            && TableAnswers.OverCapYesNoAsked(m) && !Why().IsMatch(m))
        {
            return Make(IntentKind.Compute, Topics.CapYesNo);
        }

        // 企业满意度93%，不是要求95%吗: the table's 指标值 against the one quoted, then the row (session 43: the row's explanation only).
        if (named.Count == 1 && funds.Count == 0 && !Hypothetical().IsMatch(m) && TableAnswers.TargetPremiseAsked(m) is not null)
        {
            return Make(IntentKind.Compute, Topics.TargetPremise) with { Text = m };
        }

        // 数字文化平台访问量达标了吗 / 那项完成了没: whether the row was met, in words, after its figures (session 43: the figures alone).
        if (named.Count == 1 && funds.Count == 0 && !Hypothetical().IsMatch(m) && StatusQuestion().IsMatch(m) && !OtherAsk().IsMatch(m)
            && !m.Any(char.IsAsciiDigit) && !YesNo().IsMatch(m) && !Why().IsMatch(m) && !Similar().IsMatch(m))
        {
            return Make(IntentKind.Compute, Topics.RowStatus) with { Text = m };
        }

        // 差36人对吗 / 相差540人次，对不对: the gap quoted, checked against the row's 指标值 − 完成值 (session 44: the row's explanation only).
        if (named.Count == 1 && funds.Count == 0 && !Hypothetical().IsMatch(m) && TableAnswers.GapQuoted(m) is not null && !Why().IsMatch(m))
        {
            return Make(IntentKind.Compute, Topics.GapCheck) with { Text = m };
        }

        // 自治区资金执行率有没有到90% / 中央资金达到90%了吗 / 总执行率超过95%没有: 没有/达到了 first, then the line's figures (session 44:
        // the figures alone, or the help menu when no rate word was said).
        if (named.Count == 0 && funds.Count <= 1 && !Hypothetical().IsMatch(m) && TableAnswers.RateBoundAsked(m) is not null
            && (funds.Count == 1 || RateWord().IsMatch(m)) && !ListWord().IsMatch(m) && !FundsWhich().IsMatch(m))
        {
            return Make(IntentKind.Compute, Topics.Rate) with { Text = m, Indicators = [] };
        }

        // 州市级资金执形率是不是７３．２％ / 老年人那项完成率是90%吗: yes or no, with the exact figure.
        if (YesNo().IsMatch(m) && !Hypothetical().IsMatch(m) && TableAnswers.ConfirmAsked(m) is not null
            && ((named.Count == 0 && funds.Count <= 1 && RateWord().IsMatch(m)) || (named.Count == 1 && funds.Count == 0 && CompletionWord().IsMatch(m))))
        {
            return Make(IntentKind.Compute, Topics.Confirm) with { Text = m };
        }

        // 县级资金结余是不是240.82万元 / 执行数是2891.63万元吗: yes or no on an amount, in the unit asked.
        if (TableAnswers.AsksMoneyYesNo(m) && !Hypothetical().IsMatch(m) && named.Count == 0 && funds.Count <= 1
            && TableAnswers.ConfirmAsked(m) is null && TableAnswers.ConfirmAskedMoney(m) is not null)
        {
            return Make(IntentKind.Compute, Topics.Confirm) with { Text = m };
        }

        // 总分是不是95.88？ / 培训人数那项得分是5分吗: yes or no on the points, with the computed figure (and the printed one when it was asked).
        if (YesNo().IsMatch(m) && !Hypothetical().IsMatch(m) && funds.Count == 0 && TableAnswers.ConfirmAsked(m) is null
            && TableAnswers.ConfirmAskedPoints(m) is not null
            && ((named.Count == 0 && TotalOnlyWord().IsMatch(m)) || (named.Count == 1 && ScoreWord().IsMatch(m))))
        {
            return Make(IntentKind.Compute, Topics.Confirm) with { Text = m };
        }

        // 省级资金执行率要到多少，整个项目执行率才能到90%: the part's amount and rate that bring the whole to the rate asked.
        if (funds.Count == 1 && TableAnswers.TotalRateAsked(m) is not null && !Hypothetical().IsMatch(m))
        {
            return Make(IntentKind.Compute, Topics.PartForTotal) with { Text = m };
        }

        // 执行数要到多少才能到90%，还差多少钱: on the whole project, 全年预算数 × the rate asked, and the amount still to spend.
        if (named.Count == 0 && (funds.Count == 0 || (funds.Count == 1 && funds[0] == TableAnswers.RootFund(sheet))) && TableAnswers.AmountForRateAsked(m) is not null)
        {
            return Make(IntentKind.Compute, Topics.TotalForRate) with { Text = m };
        }

        // 执行率要到多少才能拿满分？现在还差多少钱 / 要拿满分还差多少钱: the money's score is full at 100 %, and the amount still unspent.
        if (named.Count == 0 && (RateHowHigh().IsMatch(m) || MoneyShort().IsMatch(m)) && FullMarks().IsMatch(m) && !Hypothetical().IsMatch(m))
        {
            return Make(IntentKind.Compute, Topics.FundFull);
        }

        // 执行率要到多少总分才能上90分 / 想评上良，执行率得提高到多少: the lowest rate that reaches the score asked.
        if (RateHowHigh().IsMatch(m) && GradeAim().IsMatch(m) && !Hypothetical().IsMatch(m))
        {
            return Make(IntentKind.Compute, Topics.RateForGrade) with { Text = m, Indicators = [] };
        }

        // 新生儿死亡率升到多少就开始扣分: from which value the row starts to lose points (and the what-if, when a value is given).
        if (named.Count == 1 && funds.Count == 0 && DeductStart().IsMatch(m))
        {
            return Make(IntentKind.Compute, Topics.WhatIfRow) with { Text = m };
        }

        // 如果差错金额控制在2万以内，总分能到多少: that row scored again at the value asked, and the total.
        if (named.Count == 1 && funds.Count == 0 && Hypothetical().IsMatch(m) && TableAnswers.AskedValue(m, sheet, named[0]) is not null)
        {
            return Make(IntentKind.Compute, Topics.WhatIfRow) with { Text = m };
        }

        // 哪些资金低于90% / 哪几块资金没到９０％ / 低于90%的原因写了吗: the lines below the rate that needs a reason, each with its reason or
        // none (session 43: the help menu, or every line's rate with no answer).
        if (named.Count == 0 && funds.Count == 0 && TableAnswers.FundsBelowAsked(m, sheet) && FundsWhich().IsMatch(m) && !ReasonNeeded().IsMatch(m))
        {
            return Make(IntentKind.List, Topics.FundReasonsDue);
        }

        // 糖尿病那项怎么改 on a table without such a row: say so, and name the nearest items it has.
        if (MissingItem(ask, sheet, match, funds) is { } missing)
        {
            return new Intent(IntentKind.Define, null, [], null, missing) { Topic = Topics.NoSuchItem };
        }

        if (ReasonNeeded().IsMatch(m) && !PleaseWrite().IsMatch(m))
        {
            // 区级资金才到位20万，执行率40%要写原因吗: asked of the fund line named, line by line (its rate, the threshold, its reason or
            // none), not the rule alone (session 42).
            return named.Count == 0 && funds.Count > 0 ? Make(IntentKind.Compute, Topics.ReasonNeeded) : Make(IntentKind.Define, Topics.ReasonNeeded);
        }

        // 超出上限的是哪项 / 哪些指标超标了: the ceiling rows over their cap, not the 封顶 rule.
        if (named.Count == 0 && OverCapAsk().IsMatch(m) && !Hypothetical().IsMatch(m) && !Meaning().IsMatch(m))
        {
            return Make(IntentKind.List, Topics.OverCap);
        }

        // 有所改善对明显改善给满分合理吗: the qualitative rule and the row's own score, not the “is the reason convincing” template.
        if (QualitativeRowsAsked(m, sheet, named) is { Count: > 0 } qualitative)
        {
            return Make(IntentKind.Define, Topics.Qualitative) with { Indicators = qualitative };
        }

        if (SpecialTopic(m) is { } special && !(AssessWords().IsMatch(m) && ReasonWord().IsMatch(m)))
        {
            return Make(IntentKind.Define, special);
        }

        // 哪些是套话？ about this table's reasons: the same check as 这些原因有说服力吗.
        if (BoilerplateAsk().IsMatch(m) && !DraftVerb().IsMatch(m) && !ChangeAsk().IsMatch(m))
        {
            return match.Ambiguous ? Clarify(match) : Make(IntentKind.Assess);
        }

        if (AssessWords().IsMatch(m) && !DraftVerb().IsMatch(StripAssess(m)))
        {
            return match.Ambiguous ? Clarify(match) : Make(IntentKind.Assess);
        }

        // 县级那200万一分没花，报告里咋写 / 县级资金全没执行，第三部分怎么写: how to write about that money in the report — its
        // figures and what part 三 must say of it — not a scenario of spending it, nor a draft of the whole part.
        if ((named.Count == 0 || match.Weak) && WriteHow().IsMatch(m) && Unspent().IsMatch(m) && !Hypothetical().IsMatch(m)
            && (funds.Count > 0 ? funds : FundMatcher.Match(ask, sheet)) is { Count: > 0 } unspent)
        {
            return Make(IntentKind.Compute, Topics.Rate) with { Text = m, Indicators = [], Funds = unspent };
        }

        if (DraftVerb().IsMatch(m) || (PartOf(m) is not null && CanWrite().IsMatch(m)) || (NamedPart(m) && (BarePart().IsMatch(m) || (PartVerb().IsMatch(m) && !Meaning().IsMatch(m)))) || NoReasons().IsMatch(m) || NoMeasures().IsMatch(m))
        {
            return Draft(m, named) is { } d ? d : Clarify(match);
        }

        // 这个怎么改 / 糖尿病那项如何整改: what to do about the row(s), answering their causes.
        if (ImproveWord().IsMatch(m) && !TotalWord().IsMatch(m))
        {
            return match.Ambiguous ? Clarify(match) : Make(IntentKind.Explain, Topics.Improve) with { Text = UserStatements.AskedMeasure(message) };
        }

        // 去年执行率多少 / 跟去年比怎么样: a self-evaluation holds one year; say so, then this year's figures.
        if (PriorYear().IsMatch(m) && !Similar().IsMatch(m) && !BalanceWord().IsMatch(m) && !CarryOver().IsMatch(m))
        {
            return Make(IntentKind.Define, Topics.PriorYear);
        }

        if (Similar().IsMatch(m))
        {
            string query = named.Count > 0 ? $"{sheet.Evaluation.Indicators[named[0]].Name.Trim()}未完成的原因" : StripAsk(m);
            return Make(IntentKind.Similar) with { Query = query };
        }

        // A scenario on the money (如果年底再支出200万，执行率多少): scored again as asked.
        if ((Hypothetical().IsMatch(m) || (TableAnswers.AsksRateSet(m) && WhatIfCue().IsMatch(m))) && SpendWord().IsMatch(m))
        {
            return Make(IntentKind.Compute, Topics.WhatIf) with { Text = m };
        }

        // 超额130%以上的有哪些 / 完成率低于80%的 / 超过目标值一倍的: the rows by their computed 完成率, against the bound asked.
        // (The bound's own words never name a row: “30%以上” is not “65岁及以上老年人健康管理率”.)
        if (!Hypothetical().IsMatch(m) && !NoReason().IsMatch(m) && CompletionThreshold.Parse(m) is not null && (ListWord().IsMatch(m) || ThresholdAsk().IsMatch(m))
            && ((named.Count == 0 && !match.Ambiguous) || IndicatorMatcher.Match(CompletionThreshold.WithoutBound(m), sheet).Indicators.Count == 0))
        {
            return Make(IntentKind.List, Topics.Threshold) with { Text = m, Indicators = [] };
        }

        // 扣分最多的三项是哪几项？各扣多少 / 哪项扣分最多: every part that lost points (the money too), ranked by the points lost.
        // (With 原因/为什么 it stays the list of rows that lost points, each with its reason.)
        if (named.Count == 0 && funds.Count == 0 && MostLostAsk().IsMatch(m) && !Hypothetical().IsMatch(m) && !ReasonWord().IsMatch(m) && !Why().IsMatch(m) && !m.Contains("总分", StringComparison.Ordinal) && !m.Contains("总得分", StringComparison.Ordinal))
        {
            return Make(IntentKind.Compute, Topics.MostLost) with { Text = m };
        }

        // Which row or line did worst or best (完成率最低的是哪个, 哪个资金执行率最高): a ranking.
        if (named.Count == 0 && Superlative(m) is { } rank)
        {
            return Make(IntentKind.Compute, rank);
        }

        // Why a fund line's money went unspent (县级资金为啥执行这么低): the lines' rates, not the indicators.
        bool fundAsked = funds.Count > 0 && (BalanceWord().IsMatch(m) || HowMuch().IsMatch(m) || Why().IsMatch(m));
        if (named.Count == 0 && (FundWord().IsMatch(m) || funds.Count > 0) && (RateWord().IsMatch(m) || StrongWhy().IsMatch(m) || LowWord().IsMatch(m) || fundAsked) && !m.Contains("指标", StringComparison.Ordinal)
            && !ScoreWord().IsMatch(m) && !Lost().IsMatch(m) && !PointsWord().IsMatch(m) && !Meaning().IsMatch(m))
        {
            // 结余多少万元: the unit asked travels with the question, so the amounts are given in it. 预算执行率为什么偏低 with no line named
            // asks it of the total: the total's reason (or that none is given, with each low part's own said for that part only).
            Intent money = Make(IntentKind.Compute, BalanceWord().IsMatch(m) ? Topics.Balance : Topics.Rate)
                with { Text = TableAnswers.AskedMoneyUnit(m) is not null || funds.Count == 2 && TableAnswers.CompareAsked(m) ? m : null };
            return funds.Count == 0 && StrongWhy().IsMatch(m) && TableAnswers.RootFund(sheet) is { } total ? money with { Funds = [total] } : money;
        }

        if (StrongWhy().IsMatch(m) && named.Count == 0 && SomeRows().IsMatch(m))
        {
            return Make(IntentKind.Explain); // every row that lost points, explained
        }

        if (StrongWhy().IsMatch(m) && named.Count > 0)
        {
            return Make(IntentKind.Explain);
        }

        if (Overview().IsMatch(m) && named.Count == 0 && !Lost().IsMatch(m))
        {
            return Make(IntentKind.Summary);
        }

        // A figure quoted back (19.5%怎么算的, 0.97分是哪来的): which fact it is, worked out.
        if (named.Count == 0 && QuotedFigure().Match(m) is { Success: true } figure && (Meaning().IsMatch(m) || WhereFrom().IsMatch(m)) && DefineTopic(m) is null)
        {
            return Make(IntentKind.Compute, Topics.Number) with { Text = figure.Value };
        }

        if (DefineTopic(m) is { } topic)
        {
            return Make(IntentKind.Define, topic);
        }

        if (ComputeTopic(m, named.Count > 0) is { } ct)
        {
            // 水库这个总分咋算的: the table's total, whatever rows the words also touch.
            return match.Ambiguous && ct is not (Topics.Total or Topics.Grade or Topics.Weights) ? Clarify(match)
                : Make(IntentKind.Compute, ct) with
                {
                    Text = (ct is Topics.Balance or Topics.Rate && TableAnswers.AskedMoneyUnit(m) is not null)
                        || (ct is Topics.Total or Topics.Grade && TableAnswers.AsksReviewer(m)) ? m : null,
                };
        }

        // 成本那个指标是超额还是没完成: the row's figures say which.
        if (named.Count > 0 && Over().IsMatch(m) && ShortWord().IsMatch(m))
        {
            return Make(IntentKind.Compute, Topics.Completion);
        }

        // 施工单位是谁 / 哪几座水库没完工 / 惠及多少个乡镇: a name or list the table does not hold.
        if (NotInTableAsk().IsMatch(m))
        {
            return Make(IntentKind.Define, Topics.NotInTable);
        }

        // 养老机构床位数多少 / 有多少老人没领到补贴 / 文化站有几个没开放: a count no row names; the rows nearest it are shown.
        if (named.Count == 0 && !match.Ambiguous && CountAsk().IsMatch(m) && !Over().IsMatch(m) && !ShortWord().IsMatch(m) && !NoReason().IsMatch(m) && !ReasonWord().IsMatch(m)
            && !IndicatorWord().IsMatch(m) && !FundWord().IsMatch(m) && !RateWord().IsMatch(m) && !ScoreWord().IsMatch(m) && !PointsWord().IsMatch(m) && !TotalWord().IsMatch(m))
        {
            return new Intent(IntentKind.Define, null, TableAnswers.Nearest(sheet, StripAsk(m)), null, null) { Topic = Topics.NotCounted };
        }

        if (ListTopic(m) is { } lt)
        {
            return Make(IntentKind.List, lt);
        }

        if (match.Ambiguous)
        {
            return Clarify(match);
        }

        if (Why().IsMatch(m))
        {
            return Make(IntentKind.Explain);
        }

        if (named.Count > 0)
        {
            return Make(IntentKind.Explain);
        }

        return Make(IntentKind.Help);
    }

    private static Intent Clarify(IndicatorMatch match) => new(IntentKind.Clarify, null, match.Indicators, null, null);
}
