using System.Text;
using System.Text.Json;
using Assistant.Features.Evaluations;

namespace Assistant.Features.Units;

/// <summary>
/// Reads a hierarchy to import: JSON (an array of <c>{code, name, parent, level}</c>, or nested units
/// with <c>children</c>) or CSV with a header row (code,name,parent,level — or 编码,名称,上级,层级).
/// </summary>
public static class UnitFile
{
    private static readonly string[][] Headers =
    [
        ["code", "编码", "单位编码", "代码"],
        ["name", "名称", "单位名称"],
        ["parent", "上级", "上级编码", "parent_code"],
        ["level", "层级", "级别"],
    ];

    public static IReadOnlyList<UnitInput> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.TrimStart('\uFEFF').Trim();
        if (t.Length == 0)
        {
            throw new InputException("file", "文件是空的。", "The file is empty.");
        }

        return t[0] is '[' or '{' ? Json(t) : Csv(t);
    }

    private static List<UnitInput> Json(string text)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InputException("file", $"JSON 格式错误：{e.Message}", $"Malformed JSON: {e.Message}");
        }

        using (doc)
        {
            var units = new List<UnitInput>();
            JsonElement root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("units", out JsonElement list))
            {
                root = list;
            }

            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement e in root.EnumerateArray())
                {
                    Walk(e, null, units);
                }
            }
            else
            {
                Walk(root, null, units);
            }

            return units;
        }
    }

    private static void Walk(JsonElement e, string? parent, List<UnitInput> units)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new InputException("file", "每个单位应是一个对象 {code, name, parent, level}。", "Each unit must be an object {code, name, parent, level}.");
        }

        string? code = Str(e, "code");
        units.Add(new UnitInput(code, Str(e, "name"), Str(e, "parent") ?? parent, Str(e, "level")));
        if (e.TryGetProperty("children", out JsonElement children) && children.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement c in children.EnumerateArray())
            {
                Walk(c, code, units);
            }
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static List<UnitInput> Csv(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        string[] header = Cells(lines[0]);
        int[] at = Headers.Select(names => Array.FindIndex(header, h => names.Contains(h.Trim().ToLowerInvariant()))).ToArray();
        if (at[0] < 0 || at[1] < 0 || at[3] < 0)
        {
            throw new InputException("file", "CSV 第一行应是表头：code,name,parent,level（或 编码,名称,上级,层级）。", "The CSV's first line must be the header code,name,parent,level.");
        }

        return lines.Skip(1).Select(l =>
        {
            string[] c = Cells(l);
            string? Get(int i) => i >= 0 && i < c.Length ? c[i] : null;
            return new UnitInput(Get(at[0]), Get(at[1]), Get(at[2]), Get(at[3]));
        }).ToList();
    }

    /// <summary>One CSV line: commas (or tabs), double quotes with "" inside.</summary>
    private static string[] Cells(string line)
    {
        char sep = line.Contains('\t', StringComparison.Ordinal) && !line.Contains(',', StringComparison.Ordinal) ? '\t' : ',';
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == sep)
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString().Trim());
        return [.. cells];
    }
}
