using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Every table the project has: the five reference tables, the tables of the seeds (imported as staff copy them), and the
/// outside tester's invented tables of session 37 (Fixtures/p37-*, JSON, .xlsx, .docx and tab text), each under a name.
/// </summary>
public static class SelfCheckTables
{
    private static readonly string[] References =
    [
        "zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-employment-service-demo", "zhongwei-2024-internship-subsidy",
        "zhongwei-2024-employment-operating-funds", "guangxi-2024-employment-transfer",
    ];

    private static readonly string[] Fixtures =
    [
        "p37-t1-wusheng-skills.json", "p37-t2-dancheng-gongyigang.json", "p37-t2b-dancheng-yuan.json", "p37-t3-dingxi-transfer.json",
        "p37-t4-kaili-jianxi.json", "p37-t5-xingguo-chuangye.xlsx", "p37-t6-longhui-fuwu.docx", "p37-t7-wuhua-tuiyi.txt",
        "p37-t8-wengniute-nongmin.json", "p37-t9-cells.json", "p37-t10-wuhua-lowexec.json",
        "p30-shaoyang-B-yanglao.json", "p30-shaoyang-D-fanghuo.json",
        "p38-t1-zhejiang-kecheng-yingyang.json", "p38-t2-yunnan-luliang-gonggongweisheng.json", "p38-t3-shandong-yinan-gaobiaozhunnongtian.json",
        "p38-t4-anhui-luan-nongcungonglu-transfer.json", "p38-t5-shaanxi-yangxian-xianjie.json", "p38-t6-jiangsu-rugao-yanglao.json",
        "p38-t8-cells-multiyear.json",
        // Session 38: 部门整体支出 tables (基本支出 / 项目支出): the outside tester's 武夷山 and three of our own.
        "p38-t7-wuyishan-bumen.json", "p38-d1-jiangan-jiaoyu.json", "p38-d2-yueyang-weijian.json", "p38-d3-tongwei-nongye.json",
    ];

    private static readonly Lazy<IReadOnlyDictionary<string, Evaluation>> All = new(Load);

    /// <summary>The names of all tables, for a theory.</summary>
    public static TheoryData<string> Names() => new(All.Value.Keys.Order(StringComparer.Ordinal));

    public static Evaluation Get(string name) => All.Value[name];

    private static Dictionary<string, Evaluation> Load()
    {
        var tables = new Dictionary<string, Evaluation>(StringComparer.Ordinal);
        foreach (string r in References)
        {
            tables["ref/" + r] = SharedData.LoadReference(r);
        }

        foreach (string seed in Directory.EnumerateFiles(Path.Combine(RepoPaths.Shared, "seeds")).Order(StringComparer.Ordinal))
        {
            ImportResult result;
            try
            {
                result = DocumentImporter.Import(Path.GetFileName(seed), File.ReadAllBytes(seed));
            }
            catch (UnreadableDocumentException)
            {
                // A seed that is a report without its table (红山, 扎兰屯) gives no table.
                continue;
            }

            for (int k = 0; k < result.Tables.Count; k++)
            {
                tables[$"seed/{Path.GetFileNameWithoutExtension(seed)}#{k}"] = ImportContract.ToEvaluation(result.Tables[k]);
            }
        }

        foreach (string f in Fixtures)
        {
            string path = Path.Combine(RepoPaths.Repo, "tests", "Assistant.Domain.Tests", "Fixtures", f);
            if (f.EndsWith(".json", StringComparison.Ordinal))
            {
                tables["fixture/" + f] = EvaluationJson.Parse(File.ReadAllText(path));
                continue;
            }

            ImportResult result = DocumentImporter.Import(f, File.ReadAllBytes(path));
            for (int k = 0; k < result.Tables.Count; k++)
            {
                tables[$"fixture/{f}#{k}"] = ImportContract.ToEvaluation(result.Tables[k]);
            }
        }

        return tables;
    }

    /// <summary>The offline draft of 三 as the draft endpoint returns it (no report cleaning after it): what staff copy.</summary>
    public static string DraftOfThree(Evaluation e)
    {
        ScoringPolicy policy = ScoringPolicy.Default;
        return ComposeThree(ReportFacts.Extend(FactSheet.Build(e, policy)), policy).Rendered.Text;
    }

    /// <summary>Part 三 by the offline drafter without precedents: the brief it was drafted from and its rendering.</summary>
    private static (DraftBrief Brief, RenderedDraft Rendered) ComposeThree(FactSheet sheet, ScoringPolicy policy)
    {
        var items = DeviationItems.Find(sheet, policy, lowParts: true);
        var brief = new DraftBrief(DraftSection.Deviation, sheet, items.Select(i => new BriefItem(i, [], [])).ToList(), []);
        return (brief, DraftText.Render(OfflineDrafter.Compose(brief), sheet, 0));
    }

    /// <summary>
    /// The whole report the offline drafter writes for a table, part by part as the report service assembles it (part 三 by
    /// the offline drafter without precedents, the other parts by the composer), each part cleaned as the service cleans it.
    /// </summary>
    public static IReadOnlyList<(string Key, string Text, IReadOnlyList<ReviewNote> Notes)> Report(Evaluation e)
    {
        ScoringPolicy policy = ScoringPolicy.Default;
        FactSheet sheet = ReportFacts.Extend(FactSheet.Build(e, policy));
        var parts = new List<(string, string, IReadOnlyList<ReviewNote>)>();
        foreach (ReportPartInfo info in ReportParts.All)
        {
            string raw;
            var notes = new List<ReviewNote>();
            if (info.Key == ReportParts.Deviation)
            {
                var (brief, rendered) = ComposeThree(sheet, policy);
                notes.AddRange(DraftingService.Notes(brief, policy, rendered, []));
                raw = rendered.Text;
            }
            else
            {
                ComposedPart composed = ReportComposer.Compose(info.Key, sheet, [], policy);
                notes.AddRange(composed.Notes);
                raw = DraftText.Render(composed.Draft, sheet, 0).Text;
            }

            (string clean, IReadOnlyList<ReviewNote> moved) = ReportText.Clean(raw, info.Numeral);
            notes.AddRange(moved);
            if (!clean.StartsWith(info.Heading, StringComparison.Ordinal))
            {
                clean = info.Heading + "\n" + clean;
            }

            parts.Add((info.Key, clean, notes));
        }

        return parts;
    }
}
