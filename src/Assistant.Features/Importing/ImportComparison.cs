using System.Text.Json;

namespace Assistant.Features.Importing;

/// <summary>Cell-by-cell comparison of an imported table with the expected one, both in the contract's form.</summary>
public static class ImportComparison
{
    /// <summary>Counts of one comparison: cells read exactly, read but flagged unsure, and wrong or missing.</summary>
    public sealed record Result(int Exact, int Unsure, int Wrong, IReadOnlyList<string> Differences)
    {
        public int Cells => Exact + Unsure + Wrong;
    }

    /// <summary>Every value of a table by contract path (<c>indicators[3].target</c>); empty strings count as absent.</summary>
    public static Dictionary<string, string> Flatten(JsonElement root)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string f in new[] { "kind", "title", "year", "region", "department", "implementer", "printedWeightTotal", "printedTotal" })
        {
            Add(map, f, root, f);
        }

        if (root.TryGetProperty("funds", out JsonElement funds) && funds.ValueKind == JsonValueKind.Object)
        {
            Add(map, "funds.unit", funds, "unit");
            Add(map, "funds.weight", funds, "weight");
            if (funds.TryGetProperty("lines", out JsonElement lines) && lines.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (JsonElement l in lines.EnumerateArray())
                {
                    foreach (string f in new[] { "name", "parent", "initialBudget", "budget", "executed", "printedRate", "printedScore", "deviationNote" })
                    {
                        Add(map, $"funds.lines[{i}].{f}", l, f);
                    }

                    i++;
                }
            }
        }

        if (root.TryGetProperty("levelWeights", out JsonElement lw) && lw.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty p in lw.EnumerateObject())
            {
                Add(map, $"levelWeights.{p.Name}", lw, p.Name);
            }
        }

        if (root.TryGetProperty("indicators", out JsonElement inds) && inds.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (JsonElement ind in inds.EnumerateArray())
            {
                foreach (string f in new[] { "level1", "level2", "name", "unit", "target", "actual", "weight", "printedScore", "deviationNote", "grade" })
                {
                    Add(map, $"indicators[{i}].{f}", ind, f);
                }

                i++;
            }
        }

        return map;
    }

    /// <summary>
    /// Compares every expected cell: equal and not warned about is exact, equal but warned about is
    /// unsure, different or missing is wrong; a value the expectation does not have is wrong too.
    /// </summary>
    public static Result Compare(JsonElement expected, JsonElement actual)
    {
        Dictionary<string, string> want = Flatten(expected);
        Dictionary<string, string> got = Flatten(actual);
        var warned = new HashSet<string>(StringComparer.Ordinal);
        if (actual.TryGetProperty("warnings", out JsonElement ws) && ws.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement w in ws.EnumerateArray())
            {
                if (w.TryGetProperty("path", out JsonElement p) && p.GetString() is { } path)
                {
                    warned.Add(path);
                }
            }
        }

        int exact = 0, unsure = 0, wrong = 0;
        var diffs = new List<string>();
        foreach ((string path, string value) in want)
        {
            if (got.TryGetValue(path, out string? v) && v == value)
            {
                if (warned.Contains(path))
                {
                    unsure++;
                }
                else
                {
                    exact++;
                }
            }
            else
            {
                wrong++;
                diffs.Add($"{path}: expected “{value}”, got “{v ?? "(none)"}”");
            }
        }

        foreach ((string path, string value) in got)
        {
            if (!want.ContainsKey(path) && path != "funds.unit" && path != "kind")
            {
                wrong++;
                diffs.Add($"{path}: not expected, got “{value}”");
            }
        }

        return new Result(exact, unsure, wrong, diffs);
    }

    private static void Add(Dictionary<string, string> map, string path, JsonElement obj, string name)
    {
        if (obj.TryGetProperty(name, out JsonElement v))
        {
            string? s = v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            };
            if (!string.IsNullOrEmpty(s))
            {
                map[path] = s;
            }
        }
    }
}
