using System.Text.Json.Nodes;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Drafting;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Features.Reporting;

namespace Assistant.Api.Tests;

/// <summary>
/// Session 32 (units): the Word annex and the .xlsx printed 三级指标 without their units (受益学生人数 ≥2 / 2.8), so
/// a reviewer read other quantities and <c>/verify/report</c> of the product's own exported report found its
/// 2.8万人 unverified. The class: whatever the product writes, read back by the product, checks as cleanly as
/// against the table it came from — tables with 万人, 人次, 元/人, 1/10万, ‰, % and 次/年 rows, in 万元 and 元.
/// </summary>
public class UnitRoundTripTests
{
    private static Evaluation Table(string title, string fundUnit, string budget, string executed, params (string L1, string L2, string Name, string Unit, string Target, string Actual, string Weight)[] rows)
    {
        var indicators = new JsonArray();
        foreach (var r in rows)
        {
            indicators.Add(new JsonObject { ["level1"] = r.L1, ["level2"] = r.L2, ["name"] = r.Name, ["unit"] = r.Unit, ["target"] = r.Target, ["actual"] = r.Actual, ["weight"] = r.Weight });
        }

        var e = new JsonObject
        {
            ["kind"] = "project", ["title"] = title, ["year"] = 2024, ["region"] = "四川省巴中市南江县",
            ["funds"] = new JsonObject
            {
                ["unit"] = fundUnit, ["weight"] = "10",
                ["lines"] = new JsonArray(new JsonObject { ["name"] = "年度资金总额", ["budget"] = budget, ["executed"] = executed }),
            },
            ["indicators"] = indicators,
        };
        return EvaluationJson.Parse(e.ToJsonString());
    }

    public static TheoryData<string> Cases => new() { "education", "health", "transfer-yuan" };

    private static Evaluation Case(string name) => name switch
    {
        "education" => Table("义务教育薄弱环节改善项目", "万元", "500.00", "432.18",
            ("产出指标", "数量指标", "培训教师人次", "人次", "≥1200", "1080", "15"),
            ("产出指标", "数量指标", "受益学生人数", "万人", "≥2", "2.8", "15"),
            ("产出指标", "成本指标", "生均维修成本", "元/人", "≤1600", "1500", "10"),
            ("效益指标", "社会效益指标", "学生近视新发率", "‰", "≤50", "55", "20"),
            ("满意度指标", "服务对象满意度指标", "家长满意度", "%", "≥90", "88", "30")),
        "health" => Table("妇幼健康服务项目", "元", "3600000", "3024000",
            ("产出指标", "数量指标", "孕产妇系统管理人次", "人次", "≥1200", "1150", "15"),
            ("产出指标", "质量指标", "随访频次", "次/年", "≥4", "4", "15"),
            ("效益指标", "社会效益指标", "孕产妇死亡率", "1/10万", "≤20", "24", "20"),
            ("效益指标", "社会效益指标", "新生儿死亡率", "‰", "≤3.5", "2.8", "20"),
            ("满意度指标", "服务对象满意度指标", "孕产妇满意度", "%", "≥90", "87.5", "20")),
        _ => Table("城乡居民医保补助资金", "元", "1660000", "1480000",
            ("产出指标", "数量指标", "参保人数", "万人", "≥50", "48.6", "30"),
            ("产出指标", "时效指标", "医疗费用结算时限", "天", "≤30", "35", "30"),
            ("效益指标", "社会效益指标", "甲乙类传染病发病率", "1/10万", "≤190", "198", "30")),
    };

    /// <summary>Parts 一, 二, 四 and 五 as the offline composer writes them (part 三 is the drafter's, tested elsewhere).</summary>
    private static string Composed(Evaluation e)
    {
        FactSheet sheet = ReportFacts.Extend(FactSheet.Build(e, ScoringPolicy.Default));
        var parts = new List<string>();
        foreach (ReportPartInfo info in ReportParts.All.Where(p => p.Key != ReportParts.Deviation))
        {
            string rendered = DraftText.Render(ReportComposer.Compose(info.Key, sheet, [], ScoringPolicy.Default).Draft, sheet, 0).Text;
            string clean = ReportText.Clean(rendered, info.Numeral).Text;
            parts.Add(clean.StartsWith(info.Heading, StringComparison.Ordinal) ? clean : info.Heading + "\n" + clean);
        }

        return string.Join('\n', parts);
    }

    private static IEnumerable<string> Problems(VerificationResponse v) =>
        v.Mentions.Where(m => m.Verdict is "unverified" or "contradicted").Select(m => $"{m.Text}:{m.Verdict}:{m.Note}")
            .Concat(v.Claims.Where(c => c.Verdict == "contradicted").Select(c => $"{c.Text}:{c.Verdict}:{c.Note}"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExportedReport_ReadBack_ChecksAsCleanlyAsAgainstItsTable(string name)
    {
        Evaluation e = Case(name);
        ScoreReport score = Calculator.Score(e, ScoringPolicy.Default);
        string text = Composed(e);
        var direct = Problems(ReportVerification.Verify([e], text)).ToList();

        ReportDraft draft = ReportImport.FromText(e, null, text, "test", DateTimeOffset.UnixEpoch);
        using var ms = new MemoryStream();
        ReportDocx.Write(ms, e, score, draft);
        TableSource back = TableInput.Load("report.docx", ms.ToArray(), null);

        Evaluation read = Assert.Single(back.Evaluations);
        Assert.Equal(e.Indicators.Select(i => (i.Name, i.Unit)), read.Indicators.Select(i => (i.Name, i.Unit)));
        var roundTrip = Problems(ReportVerification.Verify(back.Evaluations, back.Text ?? string.Empty)).ToList();
        Assert.True(direct.Count == 0, name + " (against its own table): " + string.Join(" | ", direct));
        Assert.True(roundTrip.Count == 0, name + " (read back from the .docx): " + string.Join(" | ", roundTrip));
    }

    [Theory]
    [InlineData("受益学生人数", "万人", "受益学生人数（万人）")]
    [InlineData("孕产妇死亡率", "1/10万", "孕产妇死亡率（1/10万）")]
    [InlineData("学生近视新发率", "‰", "学生近视新发率（‰）")]
    [InlineData("生均维修成本", "元/人", "生均维修成本（元/人）")]
    [InlineData("随访频次", "次/年", "随访频次（次/年）")]
    [InlineData("群众知晓率（%）", "%", "群众知晓率（%）")]
    [InlineData("教学质量提升", null, "教学质量提升")]
    public void AnnexName_CarriesTheUnit(string name, string? unit, string expected) =>
        Assert.Equal(expected, TableCells.Name(new Indicator { Name = name, Unit = unit }));
}
