using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Drafting;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 38 (probe 38 #2, #8): a 部门整体支出绩效自评表 — a department's whole budget split into 基本支出 and 项目支出 —
/// through the verifier, the drafter and the report composer. A budget share after 预算 is a budget share whatever the
/// part is called (its name holds 支出); 项目资金/部门预算总体 is the total, not the 项目支出 line; the report names the
/// department and 部门整体支出 once, and calls the parts 支出类别. Over the tester's 武夷山 table and three of our own
/// (四川江安县教育局, 湖南岳阳市卫生健康委员会, 甘肃通渭县农业农村局).
/// </summary>
public class DepartmentBudgetTests
{
    public static TheoryData<string> Departments => new()
    {
        "fixture/p38-t7-wuyishan-bumen.json", "fixture/p38-d1-jiangan-jiaoyu.json", "fixture/p38-d2-yueyang-weijian.json", "fixture/p38-d3-tongwei-nongye.json",
    };

    private static Evaluation Get(string name) => SelfCheckTables.Get(name);

    private static FactSheet Sheet(Evaluation e) => ReportFacts.Extend(FactSheet.Build(e, ScoringPolicy.Default));

    public static TheoryData<string, bool, string, string> Kinds => new()
    {
        { "fixture/p38-t7-wuyishan-bumen.json", true, "武夷山市文化和旅游局", "武夷山市文化和旅游局2024年度部门整体支出" },
        { "fixture/p38-d1-jiangan-jiaoyu.json", true, "江安县教育局", "江安县教育局2024年度部门整体支出" },
        { "fixture/p38-d2-yueyang-weijian.json", true, "岳阳市卫生健康委员会", "岳阳市卫生健康委员会2024年度部门整体支出" },
        // No 部门 in the table: the department is what its title holds besides the kind's words.
        { "fixture/p38-d3-tongwei-nongye.json", true, "通渭县农业农村局", "通渭县农业农村局2024年度部门整体支出" },
        { "fixture/p37-t10-wuhua-lowexec.json", false, "五华县退役军人事务局", "五华县退役军人事务局2024年度部门整体支出" },
        { "ref/zhongwei-2024-entrepreneurship-fund", false, "", "" },
        { "ref/guangxi-2024-employment-transfer", false, "", "" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Kind_IsReadFromTitleOrParts_AndTheSubjectNamesTheUnitAndYearOnce(string table, bool department, string unit, string subject)
    {
        Evaluation e = Get(table);
        Assert.Equal(department, DepartmentBudget.Is(e));
        if (unit.Length > 0)
        {
            Assert.Equal(unit, DepartmentBudget.Unit(e));
            Assert.Equal(subject, DepartmentBudget.Subject(e));
        }
    }

    [Fact]
    public void Kind_ByParts_WithoutTheWordsInTheTitle()
    {
        Evaluation t = Get("fixture/p38-d1-jiangan-jiaoyu.json");
        Evaluation bare = new()
        {
            Kind = t.Kind, Title = "江安县教育局2024年度自评表", Year = t.Year, Region = t.Region, Department = null, Funds = t.Funds, Indicators = t.Indicators,
        };
        Assert.True(DepartmentBudget.Is(bare));
        Assert.Equal("江安县教育局", DepartmentBudget.Unit(bare));
        Assert.Equal("支出类别", DepartmentBudget.PartsLabel(bare, ["基本支出", "项目支出"]));
        Assert.Equal("资金来源", DepartmentBudget.PartsLabel(bare, ["中央资金", "省级资金"]));
    }

    /// <summary>Sentences a department's report holds, and what the verifier must say of the percentage (or the amount) in each.</summary>
    public static TheoryData<string, string, string, Verdict> Sentences => new()
    {
        // Budget shares after 预算 (the part's name holds 支出): verified; an 执行数 share printed after 预算 is contradicted.
        { "fixture/p38-t7-wuyishan-bumen.json", "基本支出预算2210.40万元，占50.39%，执行2205.91万元。", "50.39%", Verdict.Verified },
        { "fixture/p38-t7-wuyishan-bumen.json", "项目支出预算2176.12万元，占49.61%，执行1806.86万元。", "49.61%", Verdict.Verified },
        { "fixture/p38-t7-wuyishan-bumen.json", "基本支出预算2210.40万元，占54.97%，执行2205.91万元。", "54.97%", Verdict.Contradicted },
        { "fixture/p38-t7-wuyishan-bumen.json", "基本支出执行2205.91万元，占54.97%。", "54.97%", Verdict.Verified },
        { "fixture/p38-t7-wuyishan-bumen.json", "其中基本支出2205.91万元，占总支出的54.97%。", "54.97%", Verdict.Verified },
        { "fixture/p38-d1-jiangan-jiaoyu.json", "基本支出预算11268.40万元，占68.66%，执行11240.15万元。", "68.66%", Verdict.Verified },
        { "fixture/p38-d1-jiangan-jiaoyu.json", "项目支出预算5144.18万元，占31.34%，执行3947.21万元。", "31.34%", Verdict.Verified },
        { "fixture/p38-d1-jiangan-jiaoyu.json", "项目支出预算5144.18万元，占25.99%。", "25.99%", Verdict.Contradicted },
        { "fixture/p38-d2-yueyang-weijian.json", "基本支出预算5398.62万元，占57.88%，执行5375.09万元。", "57.88%", Verdict.Verified },
        { "fixture/p38-d2-yueyang-weijian.json", "项目支出执行3337.39万元，占38.31%。", "38.31%", Verdict.Verified },
        { "fixture/p38-d3-tongwei-nongye.json", "项目支出预算5171.64万元，占68.19%，执行3847.68万元。", "68.19%", Verdict.Verified },
        { "fixture/p38-d3-tongwei-nongye.json", "项目支出预算5171.64万元，占61.61%，执行3847.68万元。", "61.61%", Verdict.Contradicted },

        // 项目资金 / 部门预算 总体 is the total, not the 项目支出 line.
        { "fixture/p38-t7-wuyishan-bumen.json", "项目资金总体执行率为91.48%。", "91.48%", Verdict.Verified },
        { "fixture/p38-t7-wuyishan-bumen.json", "部门预算总体执行率为91.48%。", "91.48%", Verdict.Verified },
        { "fixture/p38-t7-wuyishan-bumen.json", "项目支出执行率83.03%。", "83.03%", Verdict.Verified },
        { "fixture/p38-t7-wuyishan-bumen.json", "项目支出执行率91.48%。", "91.48%", Verdict.Contradicted },
        { "fixture/p38-d1-jiangan-jiaoyu.json", "项目资金总体执行率为92.53%。", "92.53%", Verdict.Verified },
        { "fixture/p38-d1-jiangan-jiaoyu.json", "项目支出执行率为76.73%，部门预算总体执行率为92.53%。", "92.53%", Verdict.Verified },
        { "fixture/p38-d2-yueyang-weijian.json", "项目资金总体执行率为93.41%。", "93.41%", Verdict.Verified },
        { "fixture/p38-d3-tongwei-nongye.json", "项目资金总体执行率为82.35%。", "82.35%", Verdict.Verified },
        { "fixture/p38-d3-tongwei-nongye.json", "项目资金总体执行率为74.40%。", "74.40%", Verdict.Contradicted },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Verifier_ReadsSharesAndTotalsOfADepartmentBudget(string table, string sentence, string figure, Verdict expected)
    {
        VerificationReport report = Verifier.Verify(Sheet(Get(table)), sentence);
        CheckedMention m = Assert.Single(report.Mentions, x => x.Mention.Text == figure);
        Assert.True(m.Verdict == expected, $"{sentence}: {figure} {m.Verdict} {m.FactId} {m.Note}");
    }

    /// <summary>A project's parts after 预算 keep their reading (the fix is no licence to read every share as a budget share).</summary>
    [Fact]
    public void Verifier_ProjectShares_Unchanged()
    {
        Evaluation e = Get("fixture/p37-t2-dancheng-gongyigang.json");
        FactSheet sheet = Sheet(e);
        var lines = e.Funds.Lines;
        int part = Enumerable.Range(0, lines.Count).First(i => lines[i].Parent is not null && lines[i].Executed is not null && lines[i].Name.Contains("市级", StringComparison.Ordinal));
        int root = Enumerable.Range(0, lines.Count).First(i => lines[i].Parent is null);
        decimal partBudget = lines[part].Budget is { } pb ? pb.Value : 0m, rootBudget = lines[root].Budget is { } rb ? rb.Value : 1m;
        decimal budgetShare = partBudget / rootBudget * 100m;
        string text = $"{lines[part].Name}预算{Numbers.PrintedNumber.Format(partBudget, 2)}{e.Funds.Unit}，占{Numbers.PrintedNumber.Format(budgetShare, 2)}%，执行480000.00元。";
        CheckedMention m = Assert.Single(Verifier.Verify(sheet, text).Mentions, x => x.Mention.Unit.Base == "%");
        Assert.True(m.Verdict == Verdict.Verified, $"{text}: {m.Verdict} {m.Note}");
    }

    [Theory]
    [MemberData(nameof(Departments))]
    public void Report_NamesTheDepartmentOnce_AndCallsThePartsExpenditureCategories(string table)
    {
        Evaluation e = Get(table);
        FactSheet sheet = Sheet(e);
        string targets = DraftText.Render(ReportComposer.Compose(ReportParts.Targets, sheet, [], ScoringPolicy.Default).Draft, sheet, 0).Text;
        string performance = DraftText.Render(ReportComposer.Compose(ReportParts.Performance, sheet, [], ScoringPolicy.Default).Draft, sheet, 0).Text;
        string subject = DepartmentBudget.Subject(e);
        Assert.Contains(subject + "全年预算数", targets, StringComparison.Ordinal);
        Assert.Contains(subject + "全年预算数", performance, StringComparison.Ordinal);
        Assert.Contains("分支出类别看，基本支出预算", performance, StringComparison.Ordinal);
        foreach (string text in new[] { targets, performance })
        {
            Assert.DoesNotContain("资金来源", text, StringComparison.Ordinal);
            Assert.DoesNotContain("绩效自评表全年预算数", text, StringComparison.Ordinal);
            Assert.DoesNotContain("年度2024年度", text, StringComparison.Ordinal);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(text.Split('\n').First(l => l.Contains("全年预算数", StringComparison.Ordinal)), DepartmentBudget.Unit(e)));
        }
    }

    /// <summary>The offline draft of 三 writes the total's rate as the department budget's, and masks nothing it computed.</summary>
    [Theory]
    [MemberData(nameof(Departments))]
    public void Draft_MasksNothing_AndCallsTheTotalTheDepartmentBudget(string table)
    {
        Evaluation e = Get(table);
        FactSheet sheet = Sheet(e);
        var items = DeviationItems.Find(sheet, ScoringPolicy.Default, lowParts: true);
        var brief = new DraftBrief(DraftSection.Deviation, sheet, items.Select(i => new BriefItem(i, [], [])).ToList(), []);
        RenderedDraft rendered = DraftText.Render(OfflineDrafter.Compose(brief), sheet, 0);
        Assert.DoesNotContain("【待核实】", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("项目资金总体", rendered.Text, StringComparison.Ordinal);
        if (items.Any(i => i.Kind == DeviationKind.LowExecution && i.Name == "项目支出"))
        {
            Assert.Contains("部门预算总体执行率为", rendered.Text, StringComparison.Ordinal);
        }

        VerificationReport check = Verifier.Verify(sheet, rendered.Text);
        Assert.DoesNotContain(check.Mentions, m => m.Verdict == Verdict.Contradicted);
    }

    /// <summary>A project table keeps its words: 资金来源, 项目资金总体执行率.</summary>
    [Fact]
    public void Project_KeepsSourcesAndProjectWords()
    {
        Evaluation e = Get("fixture/p37-t10-wuhua-lowexec.json");
        FactSheet sheet = Sheet(e);
        Assert.False(DepartmentBudget.Is(e));
        Evaluation two = Get("ref/guangxi-2024-employment-transfer");
        Assert.False(DepartmentBudget.Is(two));
        Evaluation parts = Get("fixture/p37-t1-wusheng-skills.json");
        FactSheet ps = Sheet(parts);
        string performance = DraftText.Render(ReportComposer.Compose(ReportParts.Performance, ps, [], ScoringPolicy.Default).Draft, ps, 0).Text;
        if (parts.Funds.Lines.Count(l => l.Parent is not null) > 0)
        {
            Assert.Contains("分资金来源看", performance, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("部门整体支出", DraftText.Render(ReportComposer.Compose(ReportParts.Targets, sheet, [], ScoringPolicy.Default).Draft, sheet, 0).Text, StringComparison.Ordinal);
    }
}
