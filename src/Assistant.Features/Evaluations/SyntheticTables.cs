using System.Globalization;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;

namespace Assistant.Features.Evaluations;

/// <summary>Deterministic synthetic 自评表 of any size, for benchmarks and load runs.</summary>
public static class SyntheticTables
{
    private static readonly string[] Units = ["人", "个", "家", "%", "万元", "万人", "元/人"];

    public static Evaluation Project(int indicators, int seed = 1)
    {
        var random = new Random(seed);
        var rows = new List<Indicator>(indicators);
        decimal weightEach = decimal.Round(95m / indicators, 2);
        for (int i = 0; i < indicators; i++)
        {
            string unit = Units[i % Units.Length];
            int target = random.Next(10, 5000);
            string cell = (i % 9) switch
            {
                0 => "≥" + target,
                1 => "≤" + target + (unit == "元/人" ? "元/人" : string.Empty),
                2 => target.ToString(CultureInfo.InvariantCulture),
                3 => "效果显著",
                4 => "0",
                5 => "≥98%",
                6 => "12月底前",
                7 => "≥" + target,
                _ => target + "万",
            };
            decimal actual = decimal.Round(target * (decimal)(0.5 + random.NextDouble()), 2);
            string actualCell = (i % 9) switch
            {
                3 => i % 2 == 0 ? "效果显著" : "效果良好",
                4 => random.Next(3) == 0 ? "1" : "0",
                5 => decimal.Round(90m + (decimal)random.NextDouble() * 10m, 2) + "%",
                6 => "11月",
                8 => decimal.Round(actual, 2) + "万",
                _ => actual.ToString(CultureInfo.InvariantCulture),
            };
            rows.Add(new Indicator
            {
                Level1 = i % 3 == 0 ? "产出指标" : i % 3 == 1 ? "效益指标" : "满意度指标",
                Level2 = i % 9 == 1 ? "成本指标" : "数量指标",
                Name = $"合成指标{i + 1}",
                Unit = unit,
                Target = cell,
                Actual = actualCell,
                Weight = new PrintedNumber(weightEach, 2),
                DeviationNote = i % 4 == 0 ? "资金下达时间较晚" : null,
            });
        }

        return new Evaluation
        {
            Kind = EvaluationKind.Project,
            Title = $"合成自评表（{indicators}项指标）",
            Year = 2024,
            Funds = new FundSection
            {
                Weight = new PrintedNumber(5m, 2),
                Lines =
                [
                    new FundLine { Name = "年度资金总额", Budget = new PrintedNumber(2700.00m, 2), Executed = new PrintedNumber(2181.57m, 2), PrintedRate = new PrintedNumber(80.80m, 2) },
                    new FundLine { Name = "当年财政拨款", Parent = "年度资金总额", Budget = new PrintedNumber(2000.00m, 2), Executed = new PrintedNumber(1681.57m, 2) },
                    new FundLine { Name = "其他资金", Parent = "年度资金总额", Budget = new PrintedNumber(700.00m, 2), Executed = new PrintedNumber(500.00m, 2) },
                ],
            },
            Indicators = rows,
            PrintedTotal = new PrintedNumber(90m, 2),
        };
    }
}
