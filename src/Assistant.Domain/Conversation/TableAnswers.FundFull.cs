using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>执行率要到多少才能拿满分？现在还差多少钱: the money's score is full at 100 %, and what is still unspent is the amount missing.</summary>
public static partial class TableAnswers
{
    internal static void FundFull(AnswerWriter w, IReadOnlyList<int> funds)
    {
        FactSheet s = w.Sheet;
        if (!Scored(s) || !w.Has("funds.weight"))
        {
            w.Line("这张表的预算执行不计分，谈不上执行率要到多少才能拿满分。");
            return;
        }

        int? line = funds.Count == 1 ? funds[0] : RootFund(s);
        FundLineResult? result = line is { } l ? s.Report.Funds.FirstOrDefault(f => f.Index == l) : null;
        string p = $"funds.lines[{line}]";
        if (result is null || !w.Has(p + ".rate") || !w.Has(p + ".budget") || !w.Has(p + ".executed"))
        {
            w.Line("表中没有同时填写全年预算数和全年执行数，算不出执行率，无法测算。");
            return;
        }

        w.Line($"资金得分 = 分值 × 执行率（不超过分值），执行率要到{w.N(100m, "%", 0, "资金得满分的执行率（评分规则）")}才能拿满分{w.F("funds.weight")}。");
        if (!result.IsRoot)
        {
            w.Line($"资金得分按资金总额的执行率计；{result.Name}自身执行率{w.F(p + ".rate")}。");
        }

        w.Line($"现在{result.Name}：全年执行数{w.F(p + ".executed")} ÷ 全年预算数{w.F(p + ".budget")} = 执行率{w.F(p + ".rate")}" + (result.IsRoot && w.Has(p + ".score") ? $"，资金得分{w.F(p + ".score")}。" : "。"));
        Fact? balance = s.Find(p + ".balance");
        if (balance is null || balance.Value <= 0m)
        {
            w.Line("已经全部支出，不差钱。");
            return;
        }

        w.Line($"还差{w.F(p + ".balance")}没有支出；年底前这部分全部支出，执行率才到100%。自评表应按实际执行数填报，不能为得分改数。");
    }
}
