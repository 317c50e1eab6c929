using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Assistant.Domain.Batches;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Review;
using Assistant.Domain.Scoring;
using Assistant.Features.Batches;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Features.Review;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session-32 tester, item 11: a submission with no risk point is 无 (none), not 低; a qualitative result weaker than its
/// target at full marks is a risk reason of its own; a part of the money (其中：县级资金) below 90 % with no reason, in
/// a table whose total line gives none either, is the calculator's finding, a row of <c>/review/reasons</c> missing and
/// a shortfall in the risk — across sectors, money units and numbers of parts. And the batch generator's clean
/// submissions are clean, so the queue's filters are tested on a real spread.
/// </summary>
public class ReviewRiskLevelsTests
{
    /// <summary>A project table as the contract carries it: funds (name, parent, budget, executed, note) and indicators (level1, level2, name, unit, target, actual, weight, note); fund weight 10.</summary>
    internal static Evaluation Table(string title, string unit, (string Name, string? Parent, string Budget, string Executed, string? Note)[] lines,
        (string L1, string L2, string Name, string Unit, string Target, string Actual, string Weight, string? Note)[] indicators, string region = "某省某县") =>
        EvaluationJson.Parse(Assistant.Testing.TableJson.Build(title, region, unit, lines, indicators, region + "某局", region + "某中心").ToJsonString());

    /// <summary>Four met indicators worth 90 (产出 50, 效益 30, 满意度 10).</summary>
    private static (string, string, string, string, string, string, string, string?)[] MetRows(string output, string outputUnit, string target, string actual) =>
    [
        ("产出指标", "数量指标", output, outputUnit, target, actual, "30", null),
        ("产出指标", "时效指标", "资金拨付及时率", "%", "100%", "100%", "20", null),
        ("效益指标", "社会效益指标", "政策知晓率", "%", "≥90%", "93%", "30", null),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "%", "≥90%", "94%", "10", null),
    ];

    public static TheoryData<string, string[]> PartLines() => new()
    {
        // 高标准农田 in 万元: the total at 92.40 % hides 县级资金 at 65.00 %.
        { "farm-wan", ["funds.lines[3]"] },
        // 学生资助 in 元, three parts: 省级 exactly 90 % needs no reason, 县级 at 75 % does.
        { "school-yuan", ["funds.lines[3]"] },
        // 农村供水 in 元, four parts, two of them low (市级 86.67 %, 县级 70 %).
        { "water-yuan", ["funds.lines[3]", "funds.lines[4]"] },
        // The total line explains the money: its parts need no reason of their own.
        { "farm-total-explained", [] },
        // The low part gives its own reason.
        { "school-part-explained", [] },
        // The total itself low and silent (80 %): its finding asks for the reason of the money, and the part at 60 % is a
        // finding of its own as it is under a total at 92 % (probe 34 #8); each line is counted once in the risk.
        { "clinic-both-low", ["funds.lines[0]", "funds.lines[2]"] },
        // 学生资助 in 元 at 85.00 %: 省级 80.25 % and 县级 53.85 % are findings too; 中央 at 100 % is not.
        { "school-both-low", ["funds.lines[0]", "funds.lines[2]", "funds.lines[3]"] },
        // A part that is the whole money (当年财政拨款 = 全年预算数) would only repeat the total's finding.
        { "whole-money-low", ["funds.lines[0]"] },
        // Under a low total, the low part that gives its own reason is no finding; the total still is.
        { "river-part-own-reason", ["funds.lines[0]"] },
        // A low total that gives its reason covers its low parts, as it does above 90 %.
        { "culture-total-explained", [] },
    };

    private static Evaluation PartLineTable(string name) => name switch
    {
        "farm-wan" or "farm-total-explained" => Table("2024年高标准农田建设项目", "万元",
            [("年度资金总额", null, "5000", "4620", name == "farm-total-explained" ? "县级资金因土地流转纠纷延期拨付" : null), ("中央资金", "年度资金总额", "3000", "3000", null),
             ("省级资金", "年度资金总额", "1200", "1100", null), ("县级资金", "年度资金总额", "800", "520", null)],
            MetRows("新建高标准农田面积", "亩", "≥20000", "20150")),
        "school-yuan" or "school-part-explained" => Table("2024年学生资助补助经费", "元",
            [("年度资金总额", null, "2000000", "1840000", null), ("中央资金", "年度资金总额", "1000000", "1000000", null),
             ("省级资金", "年度资金总额", "600000", "540000", null), ("县级资金", "年度资金总额", "400000", "300000", name == "school-part-explained" ? "县级资金于12月下旬到位，部分补助次年初发放" : null)],
            MetRows("资助学生人数", "人", "≥3200", "3260"), "某省丙县"),
        "water-yuan" => Table("2024年农村供水保障项目", "元",
            [("年度资金总额", null, "10000000", "9300000", null), ("中央资金", "年度资金总额", "5000000", "5000000", null),
             ("省级资金", "年度资金总额", "2000000", "1950000", null), ("市级资金", "年度资金总额", "1500000", "1300000", null), ("县级资金", "年度资金总额", "1500000", "1050000", null)],
            MetRows("新建改造供水工程", "处", "≥45", "46"), "某自治区某旗"),
        "clinic-both-low" => Table("2024年基层医疗卫生机构能力建设项目", "万元",
            [("年度资金总额", null, "1000", "800", null), ("中央资金", "年度资金总额", "600", "560", null), ("县级配套资金", "年度资金总额", "400", "240", null)],
            MetRows("标准化建设村卫生室", "所", "≥30", "31"), "某省丁县"),
        "school-both-low" => Table("2024年学生资助补助资金", "元",
            [("年度资金总额", null, "1660000", "1411000", null), ("中央财政资金", "年度资金总额", "800000", "800000", null),
             ("省级资金", "年度资金总额", "600000", "481500", null), ("县级资金", "年度资金总额", "260000", "129500", null)],
            MetRows("资助学生人数", "人", "≥2800", "2850"), "某省戊县"),
        "whole-money-low" => Table("2024年城乡居民养老保险补助项目", "万元",
            [("年度资金总额", null, "500", "400", null), ("当年财政拨款", "年度资金总额", "500", "400", null)],
            MetRows("参保人数", "万人", "≥12", "12.3"), "某市己区"),
        "river-part-own-reason" => Table("2024年中小河流治理项目", "万元",
            [("年度资金总额", null, "2000", "1700", null), ("省级资金", "年度资金总额", "1200", "1140", null),
             ("市级资金", "年度资金总额", "800", "560", "市级资金因工程变更审批延后，11月才拨付")],
            MetRows("治理河道长度", "公里", "≥25", "25.6"), "某省庚市"),
        "culture-total-explained" => Table("2024年公共文化服务体系建设项目", "万元",
            [("年度资金总额", null, "300", "240", "部分设备采购流标，重新招标延至次年"), ("中央资金", "年度资金总额", "180", "170", null),
             ("县级资金", "年度资金总额", "120", "70", null)],
            MetRows("送戏下乡场次", "场", "≥120", "126"), "某省辛县"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(PartLines))]
    public void PartOfTheMoneyBelow90_WithoutAReason_IsAFinding_AMissingReason_AndAShortfallRisk(string name, string[] paths)
    {
        Evaluation e = PartLineTable(name);
        ScoringPolicy policy = ScoringPolicy.Default;
        FactSheet sheet = FactSheet.Build(e, policy);
        Assert.DoesNotContain(sheet.Report.Findings, f => f.Severity == Severity.Error);
        var low = sheet.Report.Findings.Where(f => f.Code == FindingCodes.FundsLowExecution).ToList();
        Assert.Equal(paths, low.Select(f => f.Path).ToArray());
        foreach (Finding f in low.Where(f => f.Path != "funds.lines[0]"))
        {
            int k = int.Parse(f.Path["funds.lines[".Length..^1], CultureInfo.InvariantCulture);
            Assert.StartsWith(e.Funds.Lines[k].Name, f.Message, StringComparison.Ordinal);
            Assert.Contains("年度资金总额中的一部分", f.Message, StringComparison.Ordinal);
            Assert.Contains("应说明原因", f.Message, StringComparison.Ordinal);
        }

        // /review/reasons' missing names the same lines, and as many as the risk counts: a part that is the whole money
        // (当年财政拨款 = 全年预算数) is the total's line again, counted once everywhere (session 35).
        var missing = CrossUnit.Missing(sheet).Where(m => m.Status == "funds").Select(m => m.Subject).ToList();
        var named = low.Select(f => e.Funds.Lines[int.Parse(f.Path["funds.lines[".Length..^1], CultureInfo.InvariantCulture)].Name.Trim()).ToList();
        Assert.Equal(named, missing);

        // The risk counts each silent line once (the total's own reviewer finding is the same line).
        RiskAssessment risk = BatchRisk.Assess(BatchRisk.Signals(sheet.Report.Findings, ReviewerFindings.Find(sheet, policy), null));
        RiskReason? shortfall = risk.Reasons.FirstOrDefault(r => r.Code == RiskCategories.ShortfallUnexplained);
        Assert.Equal(paths.Length, shortfall?.Count ?? 0);
        if (paths.Length > 0)
        {
            Assert.Equal(paths, shortfall!.Subjects.ToArray());
        }
    }

    public static TheoryData<string, string, string> WeakerWords() => new()
    {
        { "项目区农业生产条件", "明显改善", "有所改善" },
        { "基层妇幼服务能力", "显著提升", "有所提升" },
        { "学生资助政策落实效果", "效果显著", "效果良好" },
    };

    [Theory]
    [MemberData(nameof(WeakerWords))]
    public void WeakerQualitativeAtFullMarks_IsARiskReason_WithOrWithoutAReason(string row, string target, string actual)
    {
        foreach (string? note in new[] { null, "部分项目年底才完工，效果尚未完全显现" })
        {
            var rows = MetRows("完成主要任务数", "项", "≥12", "12").ToList();
            rows[2] = ("效益指标", "可持续影响指标", row, string.Empty, target, actual, "30", note);
            Evaluation e = Table("2024年某某项目", "万元", [("年度资金总额", null, "1000", "980", null)], [.. rows]);
            FactSheet sheet = FactSheet.Build(e, ScoringPolicy.Default);
            Assert.Contains(sheet.Report.Findings, f => f.Code == FindingCodes.IndicatorQualitativeWeaker && f.Path == "indicators[2].printedScore");
            RiskAssessment risk = BatchRisk.Assess(BatchRisk.Signals(sheet.Report.Findings, ReviewerFindings.Find(sheet, ScoringPolicy.Default), null));
            RiskReason weaker = Assert.Single(risk.Reasons, r => r.Code == RiskCategories.QualitativeFullMarks);
            Assert.Equal(10, weaker.Points);
            Assert.Equal(["indicators[2].printedScore"], weaker.Subjects);
            // Without a reason it is also a shortfall without a reason; with one, only the full marks remain.
            Assert.Equal(note is null, risk.Reasons.Any(r => r.Code == RiskCategories.ShortfallUnexplained));
            Assert.NotEqual("none", risk.Level);

            RiskSummary summary = SubmissionRisk.Of(risk);
            Assert.Contains(summary.Reasons, r => r.StartsWith("定性指标的完成情况弱于指标值却给了满分", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void NoRiskPoint_IsNone_AndTheBandsAgreeEverywhere()
    {
        Assert.Equal("none", BatchRisk.Level(0));
        Assert.Equal("low", BatchRisk.Level(1));
        Assert.Equal("low", BatchRisk.Level(19));
        Assert.Equal("medium", BatchRisk.Level(20));
        Assert.Equal("high", BatchRisk.Level(50));
        Assert.Equal("none", SubmissionRisk.Of(new RiskAssessment(0, "none", [])).Level);
        Assert.Equal("low", SubmissionRisk.Of(new RiskAssessment(5, "low", [])).Level);
        Assert.Equal("none", SubmissionRisk.ParseLevel("none"));
        Assert.Equal("none", SubmissionRisk.ParseLevel(" 无 "));
        Assert.Equal("low", SubmissionRisk.ParseLevel("低"));
        var bad = Assert.Throws<InputException>(() => SubmissionRisk.ParseLevel("zero"));
        Assert.Contains("none", bad.Message, StringComparison.Ordinal);

        // A summary passed in is stored by the bands: 0 points is none, more is never none.
        Assert.Equal("none", SubmissionRisk.Normalise(new RiskSummary("low", 0, [])).Level);
        Assert.Equal("low", SubmissionRisk.Normalise(new RiskSummary("none", 10, ["x"])).Level);
        Assert.Equal("high", SubmissionRisk.Normalise(new RiskSummary("high", 80, ["x"])).Level);
    }

    [Theory]
    [InlineData("2024年高标准农田建设项目", "万元", "5000", "4950", "新建高标准农田面积", "亩", "≥20000", "20150")]
    [InlineData("2024年妇幼健康服务项目", "元", "3600000", "3564000", "孕产妇系统管理人数", "人", "≥1200", "1210")]
    [InlineData("2024年学生资助补助经费", "元", "2000000", "2000000", "资助学生人数", "人次", "≥3200", "3200")]
    public void ACleanTableWithAMatchingReport_IsNone(string title, string unit, string budget, string executed, string output, string outputUnit, string target, string actual)
    {
        Evaluation e = Table(title, unit, [("年度资金总额", null, budget, executed, null)], MetRows(output, outputUnit, target, actual));
        ScoreReport score = Calculator.Score(e);
        string report = SyntheticSubmissions.Report(e, score, contradict: false);
        RiskSummary risk = SubmissionRisk.Checked(e, null, report);
        Assert.Equal("none", risk.Level);
        Assert.Equal(0, risk.Score);
        Assert.Empty(risk.Reasons);

        // Without its report the same table is low (5 points: no text was checked), never none.
        RiskSummary bare = SubmissionRisk.Checked(e, null, null);
        Assert.Equal(("low", 5), (bare.Level, bare.Score));
    }

    public static TheoryData<string> Bases() =>
        ["zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-internship-subsidy", "zhongwei-2024-employment-service-demo", "zhongwei-2024-employment-operating-funds", "synthetic"];

    [Theory]
    [MemberData(nameof(Bases))]
    public void GeneratedCleanSubmissions_AreClean_AndTheInjectedOnesAreNot(string table)
    {
        Evaluation e = table == "synthetic" ? SyntheticTables.Project(12, 3) : SharedData.LoadReference(table);
        var levels = new List<string>();
        int clean = -1;
        for (int seed = 0; seed < 10; seed++)
        {
            SyntheticSubmission s = SyntheticSubmissions.Make(e, seed);
            CheckedDocument d = BatchChecker.Check("自评表.xlsx", s.Table, "自评报告.txt", Encoding.UTF8.GetBytes(s.Report));
            Assert.False(d.Failed, d.ErrorEn);
            if (s.Injected == "none")
            {
                // Clean: nothing, or at most cells of the base table that cannot be checked (3 points each).
                Assert.True(d.Risk.Score < 10, $"{table} seed {seed}: clean submission scored {d.Risk.Score}: {d.Risk.Summary}");
                Assert.All(d.Risk.Reasons, r => Assert.Equal(RiskCategories.TableUnclear, r.Code));
                Assert.DoesNotContain(d.Findings, f => string.Equals(f.Severity, "error", StringComparison.OrdinalIgnoreCase));
                clean = d.Risk.Score;
            }
            else
            {
                // Each injected error adds its own points, and only its own: a target set too low alone is 10 (low), the others 15 to 30 and more.
                Assert.True(d.Risk.Score >= clean + 10, $"{table} seed {seed} ({s.Injected}): {d.Risk.Score} vs clean {clean}: {d.Risk.Summary}");
                Assert.Contains(d.Risk.Reasons, r => r.Code == (s.Injected switch
                {
                    "report-contradicted" => RiskCategories.ReportContradicted,
                    "table-error" => RiskCategories.TableError,
                    "shortfall-unexplained" => RiskCategories.ShortfallUnexplained,
                    _ => RiskCategories.TargetTooLow,
                }));
            }

            levels.Add(d.Risk.Level);
        }

        // A real spread: the clean ones none or low, high among the injected ones.
        Assert.All(new[] { levels[0], levels[5] }, l => Assert.Contains(l, new[] { "none", "low" }));
        Assert.Contains("high", levels);
    }

    [Fact]
    public void NamesAndBodies_ShareOneRule_Utf8ThenGb18030()
    {
        Encoding gb = Encoding.GetEncoding("GB18030");
        foreach (string text in new[] { "甲县妇幼/自评报告.txt", "广西壮族自治区南宁市/2024年就业补助资金自评表.xlsx", "ascii-only.txt", "〇一二三（四）" })
        {
            Assert.Equal(text, TextBytes.Utf8ThenGb18030(Encoding.UTF8.GetBytes(text)));
            Assert.Equal(text, TextBytes.Utf8ThenGb18030(gb.GetBytes(text)));
            Assert.Equal(text, ZipEntryNames.DecodeRaw(gb.GetBytes(text)));
            Assert.Equal(text, ZipEntryNames.DecodeRaw(Encoding.UTF8.GetBytes(text)));
            Assert.Equal(text, DocumentFormats.Decode(gb.GetBytes(text)));
        }

        // Bytes that are neither: a body is refused (null here, the importer's bilingual error), a name is still shown.
        byte[] neither = [0x81, 0x20, 0xFF, 0xFE, 0x81];
        Assert.Null(TextBytes.Utf8ThenGb18030(neither));
        Assert.False(string.IsNullOrEmpty(TextBytes.Utf8ThenGb18030(neither, lenient: true)));
        Assert.Equal(TextBytes.Utf8ThenGb18030(neither, lenient: true), ZipEntryNames.DecodeRaw(neither));
    }
}
