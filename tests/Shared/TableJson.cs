using System.Globalization;
using System.Text.Json.Nodes;

namespace Assistant.Testing;

/// <summary>
/// A project table as the contract carries it, built from tuples: fund lines (name, parent, budget, executed, note)
/// and indicators (level1, level2, name, unit, target, actual, weight, note); the fund weight is 10 and each level's
/// weight is the sum of its rows. Linked into the test projects so the tables of the domain and API tests are built alike.
/// </summary>
internal static class TableJson
{
    public static JsonObject Build(string title, string region, string unit,
        (string Name, string? Parent, string Budget, string Executed, string? Note)[] lines,
        (string L1, string L2, string Name, string Unit, string Target, string Actual, string Weight, string? Note)[] indicators,
        string department, string implementer)
    {
        var funds = new JsonArray();
        foreach (var l in lines)
        {
            var o = new JsonObject { ["name"] = l.Name, ["budget"] = l.Budget, ["executed"] = l.Executed };
            if (l.Parent is not null)
            {
                o["parent"] = l.Parent;
            }

            if (l.Note is not null)
            {
                o["deviationNote"] = l.Note;
            }

            funds.Add(o);
        }

        var rows = new JsonArray();
        var levels = new JsonObject();
        foreach (var i in indicators)
        {
            var o = new JsonObject { ["level1"] = i.L1, ["level2"] = i.L2, ["name"] = i.Name, ["unit"] = i.Unit, ["target"] = i.Target, ["actual"] = i.Actual, ["weight"] = i.Weight };
            if (i.Note is not null)
            {
                o["deviationNote"] = i.Note;
            }

            rows.Add(o);
            levels[i.L1] = indicators.Where(x => x.L1 == i.L1).Sum(x => decimal.Parse(x.Weight, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);
        }

        return new JsonObject
        {
            ["kind"] = "project", ["title"] = title, ["year"] = 2024, ["region"] = region, ["department"] = department, ["implementer"] = implementer,
            ["funds"] = new JsonObject { ["unit"] = unit, ["weight"] = "10", ["lines"] = funds },
            ["levelWeights"] = levels, ["indicators"] = rows,
        };
    }
}
