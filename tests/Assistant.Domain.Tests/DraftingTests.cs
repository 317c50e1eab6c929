using Assistant.Domain.Corpus;
using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Drafting;
using Assistant.Features.Orchestration;
using Microsoft.SemanticKernel;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

public class DeviationItemsTests
{
    public static TheoryData<string, string[]> Expected() => new()
    {
        { "zhongwei-2024-internship-subsidy", ["low-execution:年度资金总额", "shortfall:机关事业单位实习生数量", "shortfall:参加就业见习人员数量", "shortfall:实习及见习人员生活补助及意外伤害险"] },
        { "zhongwei-2024-employment-operating-funds", ["overshoot:就业困难人员安置数", "qualitative-weaker:"] },
        {
            "guangxi-2024-employment-transfer",
            ["low-execution:年度资金总额", "overshoot:享受社会保险补贴人员数量", "overshoot:享受就业见习补贴人员数量", "overshoot:城镇新增就业人数", "overshoot:失业人员再就业人数", "overshoot:就业困难人员就业人数"]
        },
        {
            "zhongwei-2024-employment-service-demo",
            ["low-execution:年度资金总额", "overshoot:参加劳务品牌技能培训人员数量", "overshoot:参加师资培训人员数量", "overshoot:创建技能大师工作室数量", "overshoot:培育人力资源服务骨干企业数量",
             "overshoot:打造零工市场数量", "overshoot:扶持农民工返乡创业基地数量", "shortfall:企业吸纳就业困难人员数量", "cancelled:城镇调查失业率", "shortfall:失业人员再就业人数"]
        },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void ReferenceTables_ListWhatSection3MustExplain(string table, string[] expected)
    {
        var items = DeviationItems.Find(FactSheet.Build(SharedData.LoadReference(table)));
        Assert.Equal(expected.Length, items.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            string[] kindName = expected[i].Split(':');
            Assert.Equal(kindName[0], items[i].KindName);
            if (kindName[1].Length > 0)
            {
                Assert.Equal(kindName[1], items[i].Name);
            }

            Assert.Equal($"item-{i + 1}", items[i].Id);
        }
    }

    [Fact]
    public void Entrepreneurship_ShortfallsCarryTheirFactsAndStatedReason()
    {
        var sheet = FactSheet.Build(SharedData.LoadReference("zhongwei-2024-entrepreneurship-fund"));
        var first = DeviationItems.Find(sheet).First(i => i.Kind == DeviationKind.Shortfall);
        Assert.Equal("就业困难人员灵活就业社保补贴预计补贴人数", first.Name);
        Assert.Equal("优先使用中央及自治区资金", first.StatedReason);
        Assert.Equal(["indicators[0].target", "indicators[0].actual", "indicators[0].completion", "indicators[0].gap", "indicators[0].lost"], first.FactIds);
        Assert.All(first.FactIds, id => Assert.NotNull(sheet.Find(id)));
    }

    [Fact]
    public void AllMet_NothingToExplain()
    {
        var sheet = FactSheet.Build(Features.Evaluations.EvaluationJson.Parse("""
            { "kind": "project", "title": "t", "funds": { "unit": "万元", "weight": "10", "lines": [ { "name": "年度资金总额", "budget": "100", "executed": "95" } ] },
              "indicators": [ { "level1": "产出指标", "name": "培训人数", "unit": "人", "target": "≥100", "actual": "110", "weight": "90" } ] }
            """));
        Assert.Empty(DeviationItems.Find(sheet));
    }
}

public class DraftTextTests
{
    private static readonly FactSheet Sheet = FactSheet.Build(SharedData.LoadReference("zhongwei-2024-internship-subsidy"));

    [Fact]
    public void Render_ReplacesFactReferences_LiftsCitations_FlagsUnknowns()
    {
        RenderedDraft d = DraftText.Render(
            "标题\n\n1. 实习生数量完成{{fact:indicators[0].actual}}，完成率{{ fact: indicators[0].completion }} [S1][S2]。\n2. 执行率{{fact:funds.lines[0].rate}}［S2，S9］，缺{{fact:indicators[99].actual}}。",
            Sheet, sourceCount: 2);

        Assert.Equal(3, d.Paragraphs.Count);
        Assert.Equal("1. 实习生数量完成58人，完成率58.00%。", d.Paragraphs[1].Text);
        Assert.Equal([1, 2], d.Paragraphs[1].Sources);
        Assert.Equal(["indicators[0].actual", "indicators[0].completion"], d.Paragraphs[1].FactIds);
        Assert.Equal("2. 执行率19.50%，缺【待核实】。", d.Paragraphs[2].Text);
        Assert.Equal([2], d.Paragraphs[2].Sources);
        Assert.Equal(["indicators[99].actual"], d.UnknownFactIds);
        Assert.Equal([9], d.UnknownSources);
        Assert.True(Verifier.Verify(Sheet, d.Text).IsClean);
    }

    [Fact]
    public void Mask_ReplacesOnlyTheUnverifiedSpans_KeepingSources()
    {
        RenderedDraft d = DraftText.Render("1. 实习生数量完成{{fact:indicators[0].actual}}[S1]。\n2. 参加就业见习人员数量完成率96.00%，另有1200人。", Sheet, 1);
        VerificationReport report = Verifier.Verify(Sheet, d.Text);
        Assert.False(report.IsClean);

        var (masked, spans) = DraftText.Mask(d, report);

        Assert.Equal("1. 实习生数量完成58人。", masked.Paragraphs[0].Text);
        Assert.Equal([1], masked.Paragraphs[0].Sources);
        Assert.DoesNotContain("96.00%", masked.Paragraphs[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("1200", masked.Paragraphs[1].Text, StringComparison.Ordinal);
        Assert.Equal(2, spans.Count);
        Assert.All(spans, s => Assert.Equal(1, s.Paragraph));
        var after = Verifier.Verify(Sheet, masked.Text);
        Assert.Equal(0, after.Summary.Unverified);
        Assert.Equal(0, after.Summary.Contradicted);
    }
}

public class PrecedentTests
{
    public static TheoryData<string> Seeds() => new(Directory.EnumerateFiles(Path.Combine(RepoPaths.Shared, "seeds")).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NoNumberAndNoPlaceOfAPastReport_Survives(string seed)
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Shared, "seeds", seed));
        ParsedReport report = ReportParser.Parse(text);
        string? reportRegion = report.Metadata.Region;
        int clauses = 0;
        foreach (Passage p in report.Passages)
        {
            var adapted = Precedent.Reasons(p.Text, DeviationKind.Shortfall, reportRegion)
                .Concat(Precedent.Reasons(p.Text, DeviationKind.Overshoot, reportRegion))
                .Concat(Precedent.Reasons(p.Text, DeviationKind.LowExecution, reportRegion))
                .Concat(Precedent.Measures(p.Text, reportRegion));
            foreach (string clause in adapted)
            {
                clauses++;
                Assert.DoesNotMatch(@"[0-9０-９%％]", clause);
                if (reportRegion is { Length: > 0 } region)
                {
                    Assert.DoesNotContain(region, clause, StringComparison.Ordinal);
                }

                Assert.False(System.Text.RegularExpressions.Regex.IsMatch(clause, "^(?:[一二三四五六七八九十]+是|（[一二三四五六七八九十]+）)"), clause);
            }
        }

        Assert.True(clauses > 0, "the seed yields some adaptable clauses");
    }

    [Theory]
    [InlineData("受经济下行影响，企业用工需求减少", DeviationKind.Overshoot, false)]
    [InlineData("年初指标值设定偏低，需求增加超出预期", DeviationKind.Overshoot, true)]
    [InlineData("企业用工需求减少", DeviationKind.Shortfall, true)]
    [InlineData("申报人数大幅增长，超出预期", DeviationKind.Shortfall, false)]
    [InlineData("资金下达较晚，拨付滞后", DeviationKind.LowExecution, true)]
    [InlineData("见习意愿下降", DeviationKind.LowExecution, false)]
    public void ACause_OnlyExplainsTheKindOfDeviationItFits(string clause, DeviationKind kind, bool fits) =>
        Assert.Equal(fits, Precedent.Fits(clause, kind));

    [Fact]
    public void Adapt_DropsEnumeratorsLabelsAndNumbers_NeutralisesPlaces()
    {
        var reasons = Precedent.Reasons("一是我市企业用工需求减少，吸纳就业意愿不强；二是新增见习人数仅120人，未完成年度目标。", DeviationKind.Shortfall, indicator: "企业吸纳就业人数");
        Assert.Equal(["本地企业用工需求减少，吸纳就业意愿不强"], reasons);
        var measures = Precedent.Measures("下一步，一是加强政策宣传，扩大知晓面；二是计划：拓展见习岗位。三是投入50万元。");
        Assert.Equal(["加强政策宣传，扩大知晓面", "拓展见习岗位"], measures);
        Assert.Equal(["岗位空缺导致补贴支出少于预算"], Precedent.Reasons("预算执行率偏低，原因是岗位空缺导致补贴支出少于预算。", DeviationKind.LowExecution));
    }
}

public class PromptTests
{
    private static readonly Dictionary<string, string> Inputs = new()
    {
        ["title"] = "就业见习补贴",
        ["year"] = "2024",
        ["region"] = "中卫市",
        ["facts"] = "- indicators[0].actual：机关事业单位实习生数量完成值 = 58人\n",
        ["items"] = "- item-1【未完成年度指标值】机关事业单位实习生数量\n",
        ["sources"] = "[S1] 《示例》2023年度 · 三 · 见习岗位不足\n",
        ["draft"] = "1. 完成率96.00%。",
        ["problems"] = "1. “96.00%”在自评表中找不到依据",
        ["heading"] = "二、绩效情况分析",
        ["outline"] = "二、绩效情况分析\n（一）资金投入情况分析\n全年预算数{{fact:funds.lines[0].budget}}，执行率{{fact:funds.lines[0].rate}}。\n",
    };

    public static TheoryData<string> Names() => new(PromptLibrary.Embedded.All.Select(p => p.Name).Order(StringComparer.Ordinal));

    private static Kernel Kernel(AuditLog log) => new AssistantKernel(new DraftingModel(null), new OfflineDrafter()).Create(log);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Rendering_MatchesItsGolden(string name)
    {
        PromptTemplate prompt = PromptLibrary.Embedded[name];
        var log = new AuditLog(new AuditScope());
        string rendered = $"# {prompt.Id} temperature={prompt.Temperature} maxOutputTokens={prompt.MaxOutputTokens}\n## system\n{prompt.System}\n## user\n"
            + await prompt.RenderAsync(Kernel(log), prompt.Inputs.ToDictionary(i => i, i => Inputs[i]));
        string golden = Path.Combine(RepoPaths.Repo, "tests", "Assistant.Domain.Tests", "golden", $"prompt-{name}.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, rendered);
        }

        Assert.True(File.Exists(golden), $"missing golden {golden}; run with UPDATE_GOLDEN=1 once and review it");
        Assert.Equal(File.ReadAllText(golden), rendered);
        Assert.Contains("{{fact:", rendered, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\{\{\s*\$?[A-Za-z][A-Za-z0-9_]*\s*\}\}", rendered);
        Assert.Equal(rendered[(rendered.IndexOf("## user\n", StringComparison.Ordinal) + 8)..], await prompt.RenderTemplateAsync(prompt.Inputs.ToDictionary(i => i, i => Inputs[i])));

        // The kernel's prompt render filter audited the rendering, with the prompt's version.
        AuditEntry entry = Assert.Single(log.Entries);
        Assert.Equal((AuditEntry.Prompt, prompt.Name, prompt.Version), (entry.Kind, entry.Name, entry.Version));
        Assert.False(entry.Failed);
    }

    [Fact]
    public void TheLibraryHasItsPrompts_WithVersionsAndSettings()
    {
        Assert.Equal(["chat", "deviation-reasons", "deviation-section", "improvement-measures", "repair", "report-part"], PromptLibrary.Embedded.All.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(PromptLibrary.Embedded.All, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Version));
            Assert.False(string.IsNullOrWhiteSpace(p.System));
            Assert.NotNull(p.Temperature);
            Assert.True(p.MaxOutputTokens > 0);
        });
    }

    [Fact]
    public async Task Parse_RefusesUndeclaredPlaceholders_UnusedInputs_AndMissingFrontMatter()
    {
        Assert.Contains("not declared", Assert.Throws<InvalidOperationException>(() => PromptTemplate.Parse("x.md", "---\nname: x\nversion: 1\ninput_variables: [{name: a}]\n---\n{{$a}} {{$b}}\n")).Message, StringComparison.Ordinal);
        Assert.Contains("never used", Assert.Throws<InvalidOperationException>(() => PromptTemplate.Parse("x.md", "---\nname: x\nversion: 1\ninput_variables: [{name: a}, {name: c}]\n---\n{{$a}}\n")).Message, StringComparison.Ordinal);
        Assert.Contains("front matter", Assert.Throws<InvalidOperationException>(() => PromptTemplate.Parse("x.md", "{{$a}}")).Message, StringComparison.Ordinal);
        Assert.Contains("'version'", Assert.Throws<InvalidOperationException>(() => PromptTemplate.Parse("x.md", "---\nname: x\n---\nhi\n")).Message, StringComparison.Ordinal);
        PromptTemplate ok = PromptTemplate.Parse("x.md", "---\nname: x\nversion: 2\ninput_variables: [{name: a}]\nexecution_settings:\n  default:\n    temperature: 0.3\n    max_tokens: 99\n---\n{{$a}} {{ \"{{\" }}fact:indicators[0].actual}}\n");
        Assert.Equal(("x", "2", 0.3f, 99), (ok.Name, ok.Version, ok.Temperature, ok.MaxOutputTokens));
        var log = new AuditLog(new AuditScope());
        Assert.Equal("甲<b>&\"x\" {{fact:indicators[0].actual}}\n", await ok.RenderAsync(Kernel(log), new Dictionary<string, string> { ["a"] = "甲<b>&\"x\"" }));
        Assert.Contains("missing inputs [a]", (await Assert.ThrowsAsync<InvalidOperationException>(() => ok.RenderAsync(Kernel(log), new Dictionary<string, string>()))).Message, StringComparison.Ordinal);
        Assert.Contains("unknown inputs [z]", (await Assert.ThrowsAsync<InvalidOperationException>(() => ok.RenderAsync(Kernel(log), new Dictionary<string, string> { ["a"] = "", ["z"] = "" }))).Message, StringComparison.Ordinal);
    }
}

/// <summary>The measure a draft gives for a stated cause answers that cause (企业经营困难 → support for the employers, not publicity).</summary>
public class DraftPhraseAnswerTests
{
    [Theory]
    [InlineData("企业经营困难，留用意愿下降", "稳岗")]
    [InlineData("部分企业停工减产，参训人数减少", "稳岗")]
    [InlineData("创业者投资趋于保守", "政策宣传")]
    [InlineData("资金下达较晚，拨付滞后", "沟通对接")]
    [InlineData("优先使用中央及自治区资金", "上级资金和本级资金")]
    public void AStatedCause_GetsTheMeasureThatAnswersIt(string cause, string expected)
    {
        string? measure = Assistant.Domain.Drafting.DraftPhrases.Answer(cause);
        Assert.NotNull(measure);
        Assert.Contains(expected, measure, StringComparison.Ordinal);
    }
}
