using System.Text.Json.Nodes;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Xunit.Abstractions;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session-32 tester (#8, #14, #15): a transfer table whose parts do not add up (中央 + 地方 + 其他 = 1,650,000 against a
/// budget of 1,660,000) had the error only in the notes — the report said “其中” as if the parts made the total, printed
/// shares summing to 99.40 % and wrote 五 “无。”; amounts in 元 were printed as 1660000.00元; a row named with its unit
/// (孕产妇死亡率（1/10万）) made the product's own sentence fail its own check; fund parts carried a 资金得分 of their own.
/// The class: tables in 元 and 万元, project and transfer, parts off in 预算, 执行 or both, units with digits in names.
/// </summary>
public class ReportFundPartsTests(ITestOutputHelper output)
{
    private static Evaluation Table(string kind, string title, string region, string unit, (string Name, string? Initial, string Budget, string Executed)[] lines, params (string Name, string? Unit, string Target, string Actual)[] rows)
    {
        var fund = new JsonArray();
        for (int i = 0; i < lines.Length; i++)
        {
            var l = new JsonObject { ["name"] = lines[i].Name, ["budget"] = lines[i].Budget, ["executed"] = lines[i].Executed };
            if (lines[i].Initial is { } ib)
            {
                l["initialBudget"] = ib;
            }

            if (i > 0)
            {
                l["parent"] = lines[0].Name;
            }

            fund.Add(l);
        }

        var indicators = new JsonArray();
        foreach (var r in rows)
        {
            var row = new JsonObject { ["level1"] = "产出指标", ["level2"] = "数量指标", ["name"] = r.Name, ["target"] = r.Target, ["actual"] = r.Actual };
            if (r.Unit is not null)
            {
                row["unit"] = r.Unit;
            }

            if (kind == "project")
            {
                row["weight"] = (90m / rows.Length).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
            }

            indicators.Add(row);
        }

        var e = new JsonObject
        {
            ["kind"] = kind, ["title"] = title, ["year"] = 2024, ["region"] = region,
            ["funds"] = new JsonObject { ["unit"] = unit, ["lines"] = fund },
            ["indicators"] = indicators,
        };
        if (kind == "project")
        {
            e["funds"]!["weight"] = "10";
        }

        return EvaluationJson.Parse(e.ToJsonString());
    }

    /// <summary>河南周口 医保 transfer in 元: the budget's parts are 10,000元 short (the tester's table).</summary>
    private static Evaluation Zhoukou() => Table("transfer", "城乡居民基本医疗保险补助资金", "周口市", "元",
        [("年度资金总额", "1660000.00", "1660000.00", "1480000.00"), ("中央财政资金", null, "1200000.00", "1100000.00"), ("地方资金", null, "300000.00", "280000.00"), ("其他资金", null, "150000.00", "100000.00")],
        ("参保人数", "万人", "≥50", "48.6"), ("孕产妇死亡率（1/10万）", null, "≤15", "12.3"), ("医疗费用结算时限", "天", "≤30", "35"));

    /// <summary>广西 project in 万元: the budget adds up, the executed parts are 10.00万元 over.</summary>
    private static Evaluation Guangxi() => Table("project", "农村饮水安全工程维修养护资金", "广西壮族自治区河池市都安瑶族自治县", "万元",
        [("年度资金总额", "860.00", "860.00", "688.00"), ("中央财政资金", null, "500.00", "460.00"), ("县级财政资金", null, "360.00", "238.00")],
        ("维修养护农村供水工程处数", "处", "≥120", "126"), ("结核病发病率", "1/万", "≤5", "4"), ("新生儿死亡率", "‰", "≤3.5", "2.8"));

    /// <summary>甘肃 project in 元 with both columns off (budget 50,000元 short, executed 10,000元 short) and units with digits in names.</summary>
    private static Evaluation Gansu() => Table("project", "妇幼健康服务项目", "甘肃省定西市安定区", "元",
        [("年度资金总额", "2400000.00", "2400000.00", "2160000.00"), ("当年财政拨款", null, "2000000.00", "1800000.00"), ("上年结转", null, "350000.00", "350000.00")],
        ("孕产妇死亡率（1/10万）", null, "≤20", "18"), ("甲乙类传染病发病率（1/万）", null, "≤3", "2"), ("人均筹资标准（元/人·年）", null, "≥640", "640"), ("新生儿死亡率（‰）", null, "≤3.5", "2.8"));

    public static TheoryData<string> Mismatched => new() { "zhoukou", "guangxi", "gansu" };

    private static Evaluation Case(string name) => name switch
    {
        "zhoukou" => Zhoukou(),
        "guangxi" => Guangxi(),
        _ => Gansu(),
    };

    /// <summary>Parts 一, 二, 四, 五 as the product renders and cleans them.</summary>
    private static Dictionary<string, string> Composed(Evaluation e)
    {
        FactSheet sheet = ReportFacts.Extend(FactSheet.Build(e));
        var parts = new Dictionary<string, string>();
        foreach (string key in new[] { ReportParts.Targets, ReportParts.Performance, ReportParts.Application, ReportParts.Other })
        {
            RenderedDraft rendered = DraftText.Render(ReportComposer.Compose(key, sheet, []).Draft, sheet, 0);
            Assert.Empty(rendered.UnknownFactIds);
            parts[key] = ReportText.Clean(rendered.Text, ReportParts.Get(key).Numeral).Text;
        }

        return parts;
    }

    private static List<string> Problems(Evaluation e, string text)
    {
        // As /verify/report checks a text: the table's own facts, not the report's extended sheet.
        VerificationReport report = Verifier.Verify(FactSheet.Build(e), text);
        return [.. DraftText.Problems(report).Select(p => text.Substring(p.Start, p.Length) + ":" + p.Reason)];
    }

    [Theory]
    [MemberData(nameof(Mismatched))]
    public void PartsThatDoNotAddUp_AreSaidInTheText_AndTheTextChecksClean(string name)
    {
        Evaluation e = Case(name);
        ScoreReport score = Calculator.Score(e);
        var errors = score.Findings.Where(f => f.Code == FindingCodes.FundsPartsSum && f.Severity == Severity.Error).ToList();
        Assert.NotEmpty(errors);
        var parts = Composed(e);
        foreach (var (key, text) in parts)
        {
            output.WriteLine(text);
            var problems = Problems(e, text);
            Assert.True(problems.Count == 0, $"{name}/{key}: " + string.Join(" | ", problems));
        }

        FactSheet sheet = FactSheet.Build(e);
        foreach (Finding f in errors)
        {
            string column = f.Path[(f.Path.LastIndexOf('.') + 1)..];
            string gap = sheet.Written(sheet.Find($"funds.lines[0].partsGap.{column}")!);
            string label = column == "budget" ? "全年预算数" : "全年执行数";
            // 二 and 五 say which column is off and by how much.
            Assert.Contains($"资金来源各部分的{label}", parts[ReportParts.Performance], StringComparison.Ordinal);
            Assert.Contains("相差" + gap, parts[ReportParts.Performance], StringComparison.Ordinal);
            Assert.Contains("相差" + gap, parts[ReportParts.Other], StringComparison.Ordinal);
        }

        Assert.DoesNotContain("无。", parts[ReportParts.Other], StringComparison.Ordinal);
        Assert.Contains("需核实更正", parts[ReportParts.Other], StringComparison.Ordinal);
        bool budgetOff = errors.Any(f => f.Path.EndsWith(".budget", StringComparison.Ordinal));
        if (budgetOff)
        {
            // No 其中 (the parts are not the total's), no shares of a total they do not make.
            Assert.DoesNotContain("，其中" + e.Funds.Lines[1].Name, parts[ReportParts.Targets], StringComparison.Ordinal);
            Assert.Contains("不一致，相差", parts[ReportParts.Targets], StringComparison.Ordinal);
            Assert.DoesNotContain("，占", parts[ReportParts.Performance], StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("，其中" + e.Funds.Lines[1].Name, parts[ReportParts.Targets], StringComparison.Ordinal);
            Assert.Contains("，占", parts[ReportParts.Performance], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PartsThatAddUp_KeepTheirSharesAndNoMismatchIsSaid()
    {
        foreach (string table in new[] { "zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-employment-operating-funds", "guangxi-2024-employment-transfer", "zhongwei-2024-internship-subsidy", "zhongwei-2024-employment-service-demo" })
        {
            Evaluation e = SharedData.LoadReference(table);
            var parts = Composed(e);
            Assert.DoesNotContain("资金来源各部分的", string.Concat(parts.Values), StringComparison.Ordinal);
            Assert.DoesNotContain(FactSheet.Build(e).Facts, f => f.Id.Contains(".partsGap.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ZhoukouTargets_ListThePartsWithTheirTrueSumAndTheGap_In万元()
    {
        string text = Composed(Zhoukou())[ReportParts.Targets];
        Assert.Contains("全年预算数166.00万元。自评表所列资金来源为中央财政资金120.00万元、地方资金30.00万元、其他资金15.00万元，资金来源各部分的全年预算数合计165.00万元，与全年预算数166.00万元不一致，相差1.00万元。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1660000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheTotalLineIsScored_PartsCarryNoScore()
    {
        foreach (Evaluation e in new[] { Guangxi(), Gansu(), SharedData.LoadReference("zhongwei-2024-entrepreneurship-fund"), SharedData.LoadReference("zhongwei-2024-employment-operating-funds"), SharedData.LoadReference("zhongwei-2024-internship-subsidy"), SharedData.LoadReference("zhongwei-2024-employment-service-demo") })
        {
            ScoreReport score = Calculator.Score(e);
            Assert.NotNull(Assert.Single(score.Funds, f => f.IsRoot).Score);
            Assert.All(score.Funds.Where(f => !f.IsRoot), f => Assert.Null(f.Score));
            Assert.DoesNotContain(FactSheet.Build(e).Facts, f => f.Id.StartsWith("funds.lines[", StringComparison.Ordinal) && f.Id.EndsWith(".score", StringComparison.Ordinal) && f.FundLineIndex != 0);
        }

        // The contract's answer: null for a part's score.
        Evaluation g = Gansu();
        var dto = ScoreContract.ToResponse(g, Calculator.Score(g));
        Assert.NotNull(dto.Funds[0].Score);
        Assert.All(dto.Funds.Skip(1), f => Assert.Null(f.Score));
    }

    [Theory]
    [InlineData("1660000.00", "1480000.00", "166.00万元", "148.00万元")]
    [InlineData("3600000", "3024000", "360.00万元", "302.40万元")]
    [InlineData("86000.00", "68800.00", "8.60万元", "6.88万元")]
    public void Whole元Amounts_AreWrittenIn万元_InProse(string budget, string executed, string wb, string we)
    {
        Evaluation e = Table("project", "妇幼健康服务项目", "甘肃省定西市安定区", "元", [("年度资金总额", null, budget, executed)], ("孕产妇系统管理人数", "人", "≥1200", "1150"));
        string text = Composed(e)[ReportParts.Performance];
        Assert.Contains("全年预算数" + wb, text, StringComparison.Ordinal);
        Assert.Contains("全年执行数" + we, text, StringComparison.Ordinal);
        Assert.Empty(Problems(e, text));

        // The verifier takes either writing: 万元 as the prose writes it, 元 as the table prints it.
        foreach (string said in new[] { $"全年预算数{wb}。", $"全年预算数{budget}元。", $"全年预算数{decimal.Parse(budget, System.Globalization.CultureInfo.InvariantCulture):0}元。" })
        {
            Assert.Empty(Problems(e, said));
        }
    }

    [Theory]
    [InlineData("1234567.89", "1000000.00", "1234567.89元")]
    [InlineData("8600.00", "6800.00", "8600元")]
    public void 元AmountsFinerThanHundreds_OrSmall_StayIn元(string budget, string executed, string written)
    {
        Evaluation e = Table("project", "基层医疗卫生机构设备购置项目", "湖北省恩施州利川市", "元", [("年度资金总额", null, budget, executed)], ("购置设备台数", "台", "≥12", "12"));
        string text = Composed(e)[ReportParts.Performance];
        Assert.Contains("全年预算数" + written, text, StringComparison.Ordinal);
        Assert.DoesNotContain("万元", text, StringComparison.Ordinal);
        Assert.Empty(Problems(e, text));
    }

    [Fact]
    public void AUnitWithDigitsInBrackets_IsALabel_ButAnotherNumberInBracketsIsStillChecked()
    {
        Evaluation e = Gansu();
        Assert.Empty(Problems(e, "孕产妇死亡率（1/10万）指标值≤20，实际完成18。甲乙类传染病发病率（1/万）指标值≤3，实际完成2。"));
        Assert.Empty(Problems(e, "孕产妇死亡率(1/10万)实际完成18/10万。"));
        Assert.NotEmpty(Problems(e, "孕产妇死亡率（7/10万）实际完成18。"));
        Assert.NotEmpty(Problems(e, "新生儿死亡率（6/1000）实际完成2.8。"));
    }
}
