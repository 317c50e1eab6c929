using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Testing;

namespace Assistant.Eval;

/// <summary>One table read from a document, compared cell by cell with what it should be.</summary>
internal sealed record ImportRow(string Case, string Format, int Table, int Cells, int Exact, int Unsure, int Wrong, bool ScoreMatches, IReadOnlyList<string> Differences);

/// <summary>
/// The importer on documents: cases as files (<c>eval/cases/import/*.txt|*.md|*.csv|*.xlsx|*.docx</c> beside
/// <c>*.expected.json</c>), the seeds copied out of PDFs against the reference tables, and Office
/// documents generated in the official layout from the references. Each expected cell is read
/// exactly, read but flagged unsure, or wrong (missing, different, or a value that should not be there).
/// </summary>
internal static class ImportEval
{
    public static List<ImportRow> Run(string repo, string shared)
    {
        string dir = Path.Combine(repo, "eval", "cases", "import");
        var rows = new List<ImportRow>();
        string[] documents = [".txt", ".md", ".csv", ".xlsx", ".docx"];
        foreach (string file in Directory.GetFiles(dir).Where(f => documents.Contains(Path.GetExtension(f), StringComparer.Ordinal)).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(file);
            JsonNode expected = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, name + ".expected.json")))!;
            List<JsonElement?> want = expected is JsonArray a ? a.Select(n => (JsonElement?)JsonSerializer.SerializeToElement(n)).ToList() : [JsonSerializer.SerializeToElement(expected)];
            string format = Path.GetExtension(file) is ".xlsx" or ".docx" or ".csv" ? Path.GetExtension(file)[1..] : "text";
            rows.AddRange(Compare(name, format, () => DocumentImporter.Import(Path.GetFileName(file), File.ReadAllBytes(file)), want));
        }

        JsonNode seeds = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "seeds.json")))!;
        foreach (JsonNode d in seeds["documents"]!.AsArray().Select(n => n!))
        {
            string seed = (string)d["seed"]!;
            var want = d["tables"]!.AsArray().Select(n => n is null ? (JsonElement?)null : Reference(shared, (string)n!)).ToList();
            rows.AddRange(Compare(seed, "pdf-text", () => DocumentImporter.Import(seed, File.ReadAllBytes(Path.Combine(shared, "seeds", seed))), want));
        }

        JsonNode office = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "office.json")))!;
        foreach (JsonNode d in office["documents"]!.AsArray().Select(n => n!))
        {
            string format = (string)d["format"]!;
            var tables = d["tables"]!.AsArray().Select(n => Reference(shared, (string)n!)).ToList();
            string label = tables.Count == 1 ? (string)d["tables"]![0]! : $"{tables.Count} tables";
            byte[] content = format switch
            {
                "xlsx-numbers" => OfficeFixtures.Xlsx(tables, numbers: true),
                "xlsx-text" => OfficeFixtures.Xlsx(tables, numbers: false),
                "xlsx-sheets" => OfficeFixtures.Xlsx(tables, numbers: true, oneSheetEach: true),
                "docx" => OfficeFixtures.Docx(tables),
                "docx-report" => OfficeFixtures.Docx(tables, ["2024年度绩效自评报告", "一、基本情况", "（正文从略）"]),
                _ => throw new InvalidDataException($"unknown format {format}"),
            };
            string ext = format.StartsWith("xlsx", StringComparison.Ordinal) ? ".xlsx" : ".docx";
            rows.AddRange(Compare(label, format, () => DocumentImporter.Import("case" + ext, content), tables.Select(t => (JsonElement?)t).ToList()));
        }

        return rows;
    }

    private static JsonElement Reference(string shared, string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(shared, "reference", name + ".json"))).RootElement.Clone();

    private static IEnumerable<ImportRow> Compare(string name, string format, Func<ImportResult> import, IReadOnlyList<JsonElement?> want)
    {
        ImportResult? result = null;
        string? failure = null;
        try
        {
            result = import();
        }
        catch (InputException e)
        {
            failure = e.Message;
        }

        for (int k = 0; k < want.Count; k++)
        {
            if (want[k] is not { } expected)
            {
                bool found = result is not null && result.Tables.Count > k;
                yield return new ImportRow(name, format, k + 1, 1, found ? 1 : 0, 0, found ? 0 : 1, true, found ? [] : ["table not found"]);
                continue;
            }

            int cells = ImportComparison.Flatten(expected).Count;
            if (result is null || result.Tables.Count <= k)
            {
                yield return new ImportRow(name, format, k + 1, cells, 0, 0, cells, false, [failure ?? "table not found"]);
                continue;
            }

            JsonElement actual = JsonSerializer.SerializeToElement(ImportContract.ToJson(result.Tables[k]));
            ImportComparison.Result cmp = ImportComparison.Compare(expected, actual);
            bool scoreMatches;
            try
            {
                string a = JsonSerializer.Serialize(EvaluationService.Score(ImportContract.ToEvaluation(result.Tables[k])), ScoreContract.JsonOptions);
                string b = JsonSerializer.Serialize(EvaluationService.Score(EvaluationJson.Read(expected)), ScoreContract.JsonOptions);
                scoreMatches = a == b;
            }
            catch (InputException)
            {
                scoreMatches = false;
            }

            yield return new ImportRow(name, format, k + 1, cmp.Cells, cmp.Exact, cmp.Unsure, cmp.Wrong, scoreMatches, cmp.Differences);
        }

        if (result is not null && result.Tables.Count > want.Count)
        {
            yield return new ImportRow(name, format, want.Count + 1, 1, 0, 0, 1, false, [$"{result.Tables.Count - want.Count} unexpected extra table(s)"]);
        }
    }
}
