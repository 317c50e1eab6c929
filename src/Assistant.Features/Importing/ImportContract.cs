using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;

namespace Assistant.Features.Importing;

/// <summary>
/// An imported table in the public form: <c>assistant.evaluation/v1</c> (values as printed, strings),
/// plus <c>source</c>, <c>provenance</c> (contract path → sheet and cell, table/row/column, or line)
/// and <c>warnings</c> (path, cell, Chinese and English). The extra fields are ignored by every reader
/// of the contract, so the object can be posted back as it is.
/// </summary>
public static class ImportContract
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject ToJson(ImportedTable t, bool withProvenance = true)
    {
        var funds = new JsonObject { ["unit"] = t.FundUnit };
        if (t.FundWeight is not null && t.Kind == "project")
        {
            funds["weight"] = t.FundWeight;
        }

        var lines = new JsonArray();
        foreach (ImportedFundLine l in t.FundLines)
        {
            var o = new JsonObject { ["name"] = l.Name };
            Put(o, "parent", l.Parent);
            Put(o, "initialBudget", l.InitialBudget);
            Put(o, "budget", l.Budget);
            Put(o, "executed", l.Executed);
            Put(o, "printedRate", l.PrintedRate);
            Put(o, "printedScore", l.PrintedScore);
            Put(o, "deviationNote", l.DeviationNote);
            lines.Add(o);
        }

        funds["lines"] = lines;
        var root = new JsonObject { ["kind"] = t.Kind, ["title"] = t.Title ?? string.Empty };
        if (int.TryParse(t.Year, out int year))
        {
            root["year"] = year;
        }

        Put(root, "region", t.Region);
        Put(root, "department", t.Department);
        Put(root, "implementer", t.Implementer);
        root["funds"] = funds;
        if (t.LevelWeights.Count > 0)
        {
            var lw = new JsonObject();
            foreach ((string level, string weight) in t.LevelWeights)
            {
                lw[level] = weight;
            }

            root["levelWeights"] = lw;
        }

        var indicators = new JsonArray();
        foreach (ImportedIndicator i in t.Indicators)
        {
            var o = new JsonObject();
            Put(o, "level1", i.Level1);
            Put(o, "level2", i.Level2);
            o["name"] = i.Name;
            Put(o, "unit", i.Unit);
            if (i.Target is not null)
            {
                o["target"] = i.Target;
            }

            if (i.Actual is not null)
            {
                o["actual"] = i.Actual;
            }

            Put(o, "weight", i.Weight);
            Put(o, "printedScore", i.PrintedScore);
            Put(o, "deviationNote", i.DeviationNote);
            indicators.Add(o);
        }

        root["indicators"] = indicators;
        Put(root, "printedWeightTotal", t.PrintedWeightTotal);
        Put(root, "printedTotal", t.PrintedTotal);
        if (withProvenance)
        {
            root["source"] = t.Source;
            var prov = new JsonObject();
            foreach ((string path, string source) in t.Sources.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                prov[path] = source;
            }

            root["provenance"] = prov;
            var warnings = new JsonArray();
            foreach (ImportWarning w in t.Warnings)
            {
                warnings.Add(new JsonObject { ["path"] = w.Path, ["source"] = w.Source, ["zh"] = w.Zh, ["en"] = w.En, ["message"] = $"{w.Path}（{w.Source}）：{w.Zh} / {w.En}" });
            }

            root["warnings"] = warnings;
        }

        return root;
    }

    /// <summary>The imported table as the calculator's model, through the same reader as posted JSON.</summary>
    public static Evaluation ToEvaluation(ImportedTable t) => EvaluationJson.Read(JsonSerializer.SerializeToElement(ToJson(t, withProvenance: false)));

    /// <summary>The JSON text: one object for one table, an array for several.</summary>
    public static string Serialize(IReadOnlyList<ImportedTable> tables)
    {
        JsonNode node = tables.Count == 1 ? ToJson(tables[0]) : new JsonArray(tables.Select(t => (JsonNode)ToJson(t)).ToArray());
        return node.ToJsonString(Options);
    }

    /// <summary>The table a command or request names (<c>--table N</c>, 1-based); with one table, that one.</summary>
    public static ImportedTable Pick(ImportResult result, int? table, string field = "table")
    {
        if (table is null)
        {
            if (result.Tables.Count == 1)
            {
                return result.Tables[0];
            }

            string list = string.Join("；", result.Tables.Select((t, k) => $"{k + 1}={t.Title}"));
            throw new InputException(field, $"文件中有{result.Tables.Count}张表，请用 --table N 指定一张（{list}）", $"the file holds {result.Tables.Count} tables; choose one with --table N ({list})");
        }

        if (table < 1 || table > result.Tables.Count)
        {
            throw new InputException(field, $"表号必须在1到{result.Tables.Count}之间", $"the table number must be between 1 and {result.Tables.Count}");
        }

        return result.Tables[table.Value - 1];
    }

    private static void Put(JsonObject o, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            o[name] = value;
        }
    }
}
