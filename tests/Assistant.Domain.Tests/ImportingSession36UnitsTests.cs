using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session-35 tester defects #2 and #3 through the importer: tables copied as text from provinces not yet in the eval (西藏 包虫病防治
/// with 次/年, 1/1000, /10万 and 个/村 in the cells; 天津 深松整地 in 元 with 元/亩 and 元/台; 上海 妇幼健康 with ‰ against ‱, /万 with
/// a full-width ＜, and 1/10万 in the name) import cell for cell and score as the hand calculation says, every row scored (none
/// carried over as unscorable).
/// </summary>
public class ImportingSession36UnitsTests
{
    private static ImportedTable Read(string name) => Assert.Single(DocumentImporter.FromText(name + ".txt",
        File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "import", name + ".txt"))).Tables);

    [Theory]
    // 9.50 + 15 × 11/12 (13.75) + 15 + 10 × (1 − 3/85) (9.647) + 10 + 20 + 10 + 10 = 97.897 → 97.90.
    [InlineData("units36-xizang-lasa-echinococcosis-units-in-cells", "97.90", "9.50 13.75 15.00 9.65 10.00 20.00 10.00 10.00")]
    // 9.50 + 20 × 11.4/12 (19.00) + 10 + 10 + 10 × (1 − 180/4500) (9.60) + 10 + 20 + 10 = 98.10.
    [InlineData("units36-tianjin-ninghe-subsoiling-per-machine-yuan", "98.10", "9.50 19.00 10.00 10.00 9.60 10.00 20.00 10.00")]
    // 9.60 + 15 + 15 + 15 (28‱ = 2.8‰ ≤ 3‰) + 10 × (1 − 6/120) (9.50) + 10 + 15 + 10 = 99.10.
    [InlineData("units36-shanghai-minhang-maternal-per-ten-thousand", "99.10", "9.60 15.00 15.00 15.00 9.50 10.00 15.00 10.00")]
    public void A_table_with_units_inside_its_cells_imports_and_scores_every_row(string name, string total, string scores)
    {
        ImportedTable t = Read(name);
        var score = EvaluationService.Score(ImportContract.ToEvaluation(t));
        Assert.Equal(total, score.Total);
        Assert.Equal(scores, string.Join(' ', new[] { score.Funds[0].Score }.Concat(score.Indicators.Select(i => i.Score))));
        Assert.DoesNotContain(score.Findings, f => f.Code is "indicator.cell-unreadable" or "indicator.unscorable" or "total.printed" or "indicator.score-printed");
    }
}
