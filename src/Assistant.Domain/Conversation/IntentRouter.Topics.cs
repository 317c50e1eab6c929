using System.Text.RegularExpressions;

namespace Assistant.Domain.Conversation;

/// <summary>What a definition, computation or list is about.</summary>
public static partial class IntentRouter
{
    /// <summary>Rules asked about by their situation, with or without a “what does it mean”.</summary>
    private static string? SpecialTopic(string m)
    {
        bool meaning = Meaning().IsMatch(m);
        if (Transfer().IsMatch(m))
        {
            return Topics.Transfer;
        }

        if (Cancelled().IsMatch(m) && (meaning || StillScored().IsMatch(m)))
        {
            return Topics.Cancelled;
        }

        if (Cap().IsMatch(m))
        {
            return Topics.Cap;
        }

        if (Qualitative().IsMatch(m) && (meaning || Fair().IsMatch(m)))
        {
            return Topics.Qualitative;
        }

        return null;
    }

    private static string? DefineTopic(string m)
    {
        bool meaning = Meaning().IsMatch(m);
        if (!meaning)
        {
            return null;
        }

        if (Lost().IsMatch(m) && !RateWord().IsMatch(m))
        {
            return null; // 每项扣多少怎么算: a figure
        }

        if (RateWord().IsMatch(m) || (FundWord().IsMatch(m) && (ScoreWord().IsMatch(m) || TotalWord().IsMatch(m))))
        {
            return Topics.Rate;
        }

        if (GradeWord().IsMatch(m))
        {
            return Topics.Grade;
        }

        if (TotalWord().IsMatch(m))
        {
            return null; // 总分怎么算: the sum, worked out
        }

        if (ScoreWord().IsMatch(m))
        {
            return Topics.ScoreRule;
        }

        return CompletionWord().IsMatch(m) ? Topics.Completion : null;
    }

    private static string? ComputeTopic(string m, bool named)
    {
        if (BalanceWord().IsMatch(m) && !named)
        {
            return Topics.Balance;
        }

        if (Lost().IsMatch(m) || (named && ScoreWord().IsMatch(m)))
        {
            return FundWord().IsMatch(m) && !named ? Topics.Funds : Topics.Lost;
        }

        if (FundWord().IsMatch(m) && !named && (ScoreWord().IsMatch(m) || PointsWord().IsMatch(m)))
        {
            return Topics.Funds;
        }

        // 分值合计是多少，对不对: the sum of the weights (and whether it is 100), not the total score.
        if (!named && WeightSum().IsMatch(m))
        {
            return Topics.Weights;
        }

        if (TotalWord().IsMatch(m) || GradeWord().IsMatch(m))
        {
            return GradeWord().IsMatch(m) ? Topics.Grade : Topics.Total;
        }

        if (WeightWord().IsMatch(m))
        {
            return Topics.Weights;
        }

        if (RateWord().IsMatch(m) && !named)
        {
            return Topics.Rate;
        }

        if (FundWord().IsMatch(m) && HowMuch().IsMatch(m) && !named)
        {
            return Topics.Rate;
        }

        if (!named && ListWord().IsMatch(m))
        {
            return null;
        }

        if (GapWord().IsMatch(m))
        {
            return Topics.Gap;
        }

        if (CompletionWord().IsMatch(m) || (named && HowMuch().IsMatch(m)))
        {
            return Topics.Completion;
        }

        return null;
    }

    /// <summary>Worst or best (完成率最低, 执行率最高的资金, 垫底的): by completion for rows, by 执行率 for fund lines; points lost stay with 扣分.</summary>
    private static string? Superlative(string m)
    {
        bool low = LowestWord().IsMatch(m), high = HighestWord().IsMatch(m);
        if ((!low && !high) || Lost().IsMatch(m) || ScoreWord().IsMatch(m) || PointsWord().IsMatch(m) || TotalWord().IsMatch(m) || Meaning().IsMatch(m))
        {
            return null;
        }

        bool fund = (FundWord().IsMatch(m) || RateWord().IsMatch(m)) && !CompletionWord().IsMatch(m) && !m.Contains("指标", StringComparison.Ordinal);
        if (!fund && !CompletionWord().IsMatch(m) && !Over().IsMatch(m) && !IndicatorWord().IsMatch(m) && !ListWord().IsMatch(m))
        {
            return null;
        }

        return fund ? (low ? Topics.FundLowest : Topics.FundHighest) : (low ? Topics.Lowest : Topics.Highest);
    }

    private static string? ListTopic(string m)
    {
        bool list = ListWord().IsMatch(m);
        if (Findings().IsMatch(m))
        {
            return Topics.Findings;
        }

        if (NoReason().IsMatch(m))
        {
            return Topics.Unexplained;
        }

        if (list && Over().IsMatch(m))
        {
            return Topics.Overshoot;
        }

        if (list && (ShortWord().IsMatch(m) || Why().IsMatch(m)))
        {
            return Topics.Short;
        }

        if (ShortWord().IsMatch(m) && !Why().IsMatch(m) && IndicatorWord().IsMatch(m))
        {
            return Topics.Short;
        }

        return null;
    }
}
