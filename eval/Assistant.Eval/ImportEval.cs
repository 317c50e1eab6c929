using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Testing;

namespace Assistant.Eval;

/// <summary>One table read from a document, compared cell by cell with what it should be.</summary>
internal sealed record ImportRow(string Case, string Format, int Table, int Cells, int Exact, int Unsure, int Wrong, bool ScoreMatches, IReadOnlyList<string> Differences);

/// <summary>
/// The printed copies of one kind (<c>layout</c>, <c>raw</c>, <c>browser</c>…): how many the importer read cell for cell as the
/// table's clean copy is read, how many it refused with what to do, and how many it read wrong (any cell differing, or a
/// total scored otherwise), with the wrong ones named.
/// </summary>
internal sealed record CopyRow(string Kind, int Copies, int Read, int Refused, int Wrong, IReadOnlyList<string> WrongCopies);

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

    /// <summary>
    /// Every copy of a printed table under <c>tests/Assistant.Domain.Tests/PdfCopies</c> (<c>table-variant.kind.txt</c>, the
    /// table's own copy <c>table.clean.txt</c>): text copied out of PDFs by pdftotext with and without -layout, by browsers and
    /// by readers, of tables printed from Word, Excel and web pages. A copy is read (the same cells and total as the clean
    /// copy), refused (an <see cref="InputException"/>), or wrong.
    /// </summary>
    public static List<CopyRow> Copies(string repo)
    {
        string dir = Path.Combine(repo, "tests", "Assistant.Domain.Tests", "PdfCopies");
        var clean = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var tally = new SortedDictionary<string, (int Copies, int Read, int Refused, List<string> Wrong)>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(dir, "*.*.txt").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal))
        {
            if (file.EndsWith(".clean.txt", StringComparison.Ordinal))
            {
                continue;
            }

            string stem = file[..file.IndexOf('.', StringComparison.Ordinal)];
            string table = stem[..stem.LastIndexOf('-')];
            string kind = file[(stem.Length + 1)..^".txt".Length];
            if (!clean.TryGetValue(table, out JsonElement want))
            {
                string cleanText = File.ReadAllText(Path.Combine(dir, table + ".clean.txt"));
                want = JsonSerializer.SerializeToElement(ImportContract.ToJson(DocumentImporter.FromText("clean.txt", cleanText).Tables.Single()));
                clean[table] = want;
            }

            var (copies, read, refused, wrong) = tally.TryGetValue(kind, out var t) ? t : (0, 0, 0, new List<string>());
            copies++;
            try
            {
                string text = File.ReadAllText(Path.Combine(dir, file));
                ImportResult result = DocumentImporter.FromText(file, text);
                JsonElement? got = result.Tables.Count == 1 ? JsonSerializer.SerializeToElement(ImportContract.ToJson(result.Tables[0])) : null;

                // As printed: the spaces a copy puts inside a cell or takes out of it are not the cell's (the clean copy's
                // 创业带动就业 4208 人 is the copy's 创业带动就业4208人), and a copy that starts below the title has no year to read.
                bool titled = text.Contains("自评表", StringComparison.Ordinal);
                ImportComparison.Result? cmp = got is { } g ? ImportComparison.Compare(AsPrinted(want, titled), AsPrinted(g, titled)) : null;
                if (cmp is { Wrong: 0 } && SameTotal(want, got!.Value))
                {
                    read++;
                }
                else
                {
                    wrong.Add(file + (cmp is null ? " (tables: " + result.Tables.Count + ")" : ": " + string.Join("; ", cmp.Differences.Take(4))));
                }
            }
            catch (InputException)
            {
                refused++;
            }

            tally[kind] = (copies, read, refused, wrong);
        }

        return tally.Select(k => new CopyRow(k.Key, k.Value.Copies, k.Value.Read, k.Value.Refused, k.Value.Wrong.Count, k.Value.Wrong)).ToList();
    }

    private static JsonElement AsPrinted(JsonElement table, bool titled)
    {
        static JsonNode? Strip(JsonNode? n) => n switch
        {
            JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Strip(p.Value)))),
            JsonArray a => new JsonArray(a.Select(Strip).ToArray()),
            JsonValue v when v.TryGetValue(out string? text) => JsonValue.Create(string.Concat(text.Where(c => !char.IsWhiteSpace(c)))),
            null => null,
            _ => n.DeepClone(),
        };

        JsonObject stripped = (JsonObject)Strip(JsonNode.Parse(table.GetRawText()))!;
        if (!titled)
        {
            stripped.Remove("year");
        }

        return JsonSerializer.SerializeToElement(stripped);
    }

    private static bool SameTotal(JsonElement want, JsonElement got)
    {
        try
        {
            return EvaluationService.Score(EvaluationJson.Read(want)).Total == EvaluationService.Score(EvaluationJson.Read(got)).Total;
        }
        catch (InputException)
        {
            return false;
        }
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
