using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>The printed copies under <c>PdfCopies</c> and what the importing tests compare of a table read from one.</summary>
internal static class PdfCopyFiles
{
    public static readonly string Folder = Path.Combine(RepoPaths.Repo, "tests", "Assistant.Domain.Tests", "PdfCopies");

    public static string Copy(string file) => File.ReadAllText(Path.Combine(Folder, file));

    public static string Total(ImportedTable t) => EvaluationService.Score(ImportContract.ToEvaluation(t)).Total ?? "no total";

    /// <summary>The table as the contract carries it, the source's cell references left out.</summary>
    public static string Shape(ImportedTable t) => string.Join('\n',
        new[] { $"{t.Title}|{t.Department}|{t.Implementer}|{t.FundUnit}|{t.FundWeight}|{t.PrintedWeightTotal}|{t.PrintedTotal}" }
            .Concat(t.FundLines.Select(f => $"F {f.Name}|{f.Parent}|{f.InitialBudget}|{f.Budget}|{f.Executed}|{f.Weight}|{f.PrintedRate}|{f.PrintedScore}"))
            .Concat(t.Indicators.Select(i => $"I {i.Level1}|{i.Level2}|{i.Name}|{i.Unit}|{i.Target}|{i.Actual}|{i.Weight}|{i.PrintedScore}|{i.DeviationNote}")));

    /// <summary><see cref="Shape"/> without the spaces a copy puts into a cell or takes out of it (创业带动就业 4208 人 / 创业带动就业4208人).</summary>
    public static string ShapeWithoutSpaces(ImportedTable t) => Shape(t).Replace(" ", string.Empty, StringComparison.Ordinal);
}
