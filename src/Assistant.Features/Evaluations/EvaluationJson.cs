using System.Globalization;
using System.Text.Json;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;

namespace Assistant.Features.Evaluations;

/// <summary>
/// Reads <c>assistant.evaluation/v1</c>. Numbers may be JSON strings or numbers; either way the text
/// as written is kept, so <c>"2700.00"</c> and <c>2700.00</c> both carry two decimals. Every problem
/// is collected with the field at fault; unknown fields are ignored (the contract only grows).
/// </summary>
public static partial class EvaluationJson
{
    [System.Text.RegularExpressions.GeneratedRegex(@"[0-9][0-9,]*(?:\.[0-9]+)?")]
    private static partial System.Text.RegularExpressions.Regex NumberRun();

    /// <summary>Longest text cell accepted.</summary>
    public const int MaxTextLength = 20_000;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static Evaluation Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }

        using (doc)
        {
            return Read(doc.RootElement);
        }
    }

    /// <summary>Reads the table from UTF-8 as received (no string of the whole body is made); same errors as <see cref="Parse(string)"/>.</summary>
    public static Evaluation Parse(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }

        using (doc)
        {
            return Read(doc.RootElement);
        }
    }

    private static InputException Malformed(JsonException ex)
    {
        string where = ex.LineNumber is { } line ? $"第{line + 1}行第{(ex.BytePositionInLine ?? 0) + 1}列" : "未知位置";
        string whereEn = ex.LineNumber is { } l2 ? $"line {l2 + 1}, column {(ex.BytePositionInLine ?? 0) + 1}" : "unknown position";
        return new InputException("body", $"JSON格式错误（{where}）", $"malformed JSON ({whereEn})");
    }

    /// <summary>The same JSON without comments or trailing commas (numbers keep their printed digits), for storage.</summary>
    public static string Canonical(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument doc = JsonDocument.Parse(json, DocumentOptions);
        return JsonSerializer.Serialize(doc.RootElement);
    }

    public static Evaluation Read(JsonElement root)
    {
        var r = new Reader();
        Evaluation? evaluation = r.Evaluation(root);
        if (r.Errors.Count > 0 || evaluation is null)
        {
            throw new InputException(r.Errors);
        }

        return evaluation;
    }

    private sealed class Reader
    {
        public List<InputError> Errors { get; } = [];

        private void Error(string field, string zh, string en) => Errors.Add(new InputError(field, zh, en));

        public Evaluation? Evaluation(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("body", "请求体必须是JSON对象", "the body must be a JSON object");
                return null;
            }

            string? kindText = Text(root, "kind", "", required: true);
            EvaluationKind kind = EvaluationKind.Project;
            if (kindText is not null)
            {
                switch (kindText.Trim())
                {
                    case "project": kind = EvaluationKind.Project; break;
                    case "transfer": kind = EvaluationKind.Transfer; break;
                    default:
                        Error("kind", "只能是 project 或 transfer", "must be \"project\" or \"transfer\"");
                        break;
                }
            }

            string? title = Text(root, "title", "", required: true);
            if (title is not null && title.Trim().Length == 0)
            {
                Error("title", "不能为空", "must not be empty");
            }

            int? year = Year(root);
            FundSection funds = Funds(root);
            List<Indicator> indicators = Indicators(root);
            List<LevelWeight> levels = LevelWeights(root);
            PrintedNumber? weightTotal = Number(root, "printedWeightTotal", "", nonNegative: true);
            PrintedNumber? total = Number(root, "printedTotal", "", nonNegative: true);

            return new Evaluation
            {
                Kind = kind,
                Title = title?.Trim() ?? string.Empty,
                Year = year,
                Region = Text(root, "region", ""),
                Department = Text(root, "department", ""),
                Implementer = Text(root, "implementer", ""),
                Funds = funds,
                Indicators = indicators,
                LevelWeights = levels,
                PrintedWeightTotal = weightTotal,
                PrintedTotal = total,
            };
        }

        private int? Year(JsonElement root)
        {
            if (!root.TryGetProperty("year", out JsonElement y) || y.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            string raw = y.ValueKind == JsonValueKind.String ? y.GetString()! : y.ValueKind == JsonValueKind.Number ? y.GetRawText() : string.Empty;
            if (int.TryParse(raw.Trim().TrimEnd('年'), NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year is >= 1990 and <= 2200)
            {
                return year;
            }

            Error("year", "必须是1990–2200之间的年份", "must be a year between 1990 and 2200");
            return null;
        }

        private FundSection Funds(JsonElement root)
        {
            if (!root.TryGetProperty("funds", out JsonElement f) || f.ValueKind == JsonValueKind.Null)
            {
                Error("funds", "缺少项目资金（funds）", "funds is required");
                return new FundSection();
            }

            if (f.ValueKind != JsonValueKind.Object)
            {
                Error("funds", "必须是对象", "must be an object");
                return new FundSection();
            }

            string unit = Text(f, "unit", "funds") ?? "万元";
            if (unit is not ("万元" or "元" or "亿元"))
            {
                Error("funds.unit", "只能是 万元、元 或 亿元", "must be 万元, 元 or 亿元");
            }

            PrintedNumber? weight = Number(f, "weight", "funds", nonNegative: true);
            var lines = new List<FundLine>();
            if (f.TryGetProperty("lines", out JsonElement ls) && ls.ValueKind != JsonValueKind.Null)
            {
                if (ls.ValueKind != JsonValueKind.Array)
                {
                    Error("funds.lines", "必须是数组", "must be an array");
                }
                else
                {
                    int i = 0;
                    foreach (JsonElement l in ls.EnumerateArray())
                    {
                        if (FundLine(l, $"funds.lines[{i}]") is { } line)
                        {
                            lines.Add(line);
                        }

                        i++;
                    }
                }
            }

            var names = lines.Select(l => l.Name.Trim()).ToHashSet(StringComparer.Ordinal);
            for (int i = 0; i < lines.Count; i++)
            {
                if (lines[i].Parent is { } p && !names.Contains(p.Trim()))
                {
                    Error($"funds.lines[{i}].parent", $"上级资金行“{p}”不存在", $"parent line \"{p}\" does not exist");
                }

                if (lines[i].Parent is { } self && self.Trim() == lines[i].Name.Trim())
                {
                    Error($"funds.lines[{i}].parent", "不能以自身为上级", "a line cannot be its own parent");
                }
            }

            return new FundSection { Unit = unit, Weight = weight, Lines = lines };
        }

        private FundLine? FundLine(JsonElement l, string path)
        {
            if (l.ValueKind != JsonValueKind.Object)
            {
                Error(path, "必须是对象", "must be an object");
                return null;
            }

            string? name = Text(l, "name", path, required: true);
            if (name is not null && name.Trim().Length == 0)
            {
                Error(path + ".name", "不能为空", "must not be empty");
            }

            (string? rateText, PrintedNumber? rate) = Rate(l, "printedRate", path);
            return new FundLine
            {
                Id = Text(l, "id", path),
                Name = name?.Trim() ?? string.Empty,
                Parent = Text(l, "parent", path) is { Length: > 0 } p ? p.Trim() : null,
                InitialBudget = Number(l, "initialBudget", path, nonNegative: true),
                Budget = Number(l, "budget", path, nonNegative: true),
                Executed = Number(l, "executed", path, nonNegative: true),
                PrintedRateText = rateText,
                PrintedRate = rate,
                PrintedScore = Number(l, "printedScore", path, nonNegative: true),
                DeviationNote = Text(l, "deviationNote", path),
            };
        }

        private List<Indicator> Indicators(JsonElement root)
        {
            var list = new List<Indicator>();
            if (!root.TryGetProperty("indicators", out JsonElement arr) || arr.ValueKind == JsonValueKind.Null)
            {
                Error("indicators", "缺少绩效指标（indicators）", "indicators is required");
                return list;
            }

            if (arr.ValueKind != JsonValueKind.Array)
            {
                Error("indicators", "必须是数组", "must be an array");
                return list;
            }

            int i = 0;
            foreach (JsonElement el in arr.EnumerateArray())
            {
                string path = $"indicators[{i}]";
                i++;
                if (el.ValueKind != JsonValueKind.Object)
                {
                    Error(path, "必须是对象", "must be an object");
                    continue;
                }

                // One pass over the row's fields (not a search per field); read in the same order as before, so errors come in the same order.
                var f = IndicatorFields.Of(el);
                string? name = TextOf(f.Name, "name", path, required: true);
                if (name is not null && name.Trim().Length == 0)
                {
                    Error(path + ".name", "不能为空", "must not be empty");
                }

                string? gradeText = TextOf(f.Grade, "grade", path);
                QualitativeGrade? grade = QualitativeGrades.FromChinese(gradeText);
                if (!string.IsNullOrWhiteSpace(gradeText) && grade is null)
                {
                    Error(path + ".grade", "只能是 达成、部分达成 或 未达成", "must be 达成, 部分达成 or 未达成");
                }

                PrintedNumber? weight = NumberOf(f.Weight, "weight", path, nonNegative: true);
                list.Add(new Indicator
                {
                    Id = TextOf(f.Id, "id", path),
                    Level1 = TextOf(f.Level1, "level1", path),
                    Level2 = TextOf(f.Level2, "level2", path),
                    Name = name?.Trim() ?? string.Empty,
                    Unit = TextOf(f.Unit, "unit", path),
                    Target = CellOf(f.Target, "target", path),
                    Actual = CellOf(f.Actual, "actual", path),
                    Weight = weight,
                    PrintedScore = NumberOf(f.PrintedScore, "printedScore", path, nonNegative: true),
                    DeviationNote = TextOf(f.DeviationNote, "deviationNote", path),
                    Grade = grade,
                });
            }

            return list;
        }

        private List<LevelWeight> LevelWeights(JsonElement root)
        {
            var list = new List<LevelWeight>();
            if (!root.TryGetProperty("levelWeights", out JsonElement lw) || lw.ValueKind == JsonValueKind.Null)
            {
                return list;
            }

            if (lw.ValueKind != JsonValueKind.Object)
            {
                Error("levelWeights", "必须是对象（一级指标 → 分值）", "must be an object (level-1 name → weight)");
                return list;
            }

            foreach (JsonProperty p in lw.EnumerateObject())
            {
                if (Number(lw, p.Name, "levelWeights", nonNegative: true) is { } n)
                {
                    list.Add(new LevelWeight(p.Name, n));
                }
            }

            return list;
        }

        /// <summary>A text cell: a string, or a number kept as written (<c>100</c>, <c>0.5</c>).</summary>
        private string? Cell(JsonElement obj, string name, string at) => CellOf(Property(obj, name), name, at);

        /// <summary>The field's value, or an undefined element when the object has no such field (as TryGetProperty finds it: the last of duplicates).</summary>
        private static JsonElement Property(JsonElement obj, string name) => obj.TryGetProperty(name, out JsonElement v) ? v : default;

        private string? CellOf(JsonElement v, string name, string at)
        {
            if (v.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                return null;
            }

            switch (v.ValueKind)
            {
                case JsonValueKind.String:
                    string s = v.GetString()!;
                    if (s.Length > MaxTextLength)
                    {
                        Error(Field(at, name), $"文字过长（超过{MaxTextLength}字）", $"text longer than {MaxTextLength} characters");
                        return null;
                    }

                    return InRange(s, at, name);
                case JsonValueKind.Number:
                    return InRange(v.GetRawText(), at, name);
                default:
                    Error(Field(at, name), "必须是字符串或数字", "must be a string or a number");
                    return null;
            }
        }

        private string? Text(JsonElement obj, string name, string at, bool required = false) => TextOf(Property(obj, name), name, at, required);

        private string? TextOf(JsonElement v, string name, string at, bool required = false)
        {
            if (v.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                if (required)
                {
                    Error(Field(at, name), "缺少必填字段", "is required");
                }

                return null;
            }

            if (v.ValueKind == JsonValueKind.Number)
            {
                return v.GetRawText();
            }

            if (v.ValueKind != JsonValueKind.String)
            {
                Error(Field(at, name), "必须是字符串", "must be a string");
                return null;
            }

            string s = v.GetString()!;
            if (s.Length > MaxTextLength)
            {
                Error(Field(at, name), $"文字过长（超过{MaxTextLength}字）", $"text longer than {MaxTextLength} characters");
                return null;
            }

            return s;
        }

        /// <summary>A number as a JSON number or a numeric string, keeping its printed decimals.</summary>
        private PrintedNumber? Number(JsonElement obj, string name, string at, bool nonNegative) => NumberOf(Property(obj, name), name, at, nonNegative);

        private PrintedNumber? NumberOf(JsonElement v, string name, string at, bool nonNegative)
        {
            if (v.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                return null;
            }

            string raw;
            if (v.ValueKind == JsonValueKind.Number)
            {
                raw = v.GetRawText();
            }
            else if (v.ValueKind == JsonValueKind.String)
            {
                raw = v.GetString()!.Trim();
                if (raw.Length == 0)
                {
                    return null;
                }
            }
            else
            {
                Error(Field(at, name), "必须是数字或数字字符串", "must be a number or a numeric string");
                return null;
            }

            // Parsed once; only a number that does not parse is asked why (too large, or not a number).
            if (!PrintedNumber.TryParse(raw, out PrintedNumber n))
            {
                if (PrintedNumber.IsOutOfRange(raw))
                {
                    OutOfRange(Field(at, name));
                    return null;
                }

                Error(Field(at, name), $"“{Clip(raw)}”不是数字", $"\"{Clip(raw)}\" is not a number");
                return null;
            }

            if (nonNegative && n.Value < 0)
            {
                Error(Field(at, name), "不能为负数", "must not be negative");
                return null;
            }

            return n;
        }

        /// <summary>A printed rate: "80.80%", "80.80", 80.8 — always read as a percentage.</summary>
        private (string? Text, PrintedNumber? Value) Rate(JsonElement obj, string name, string at)
        {
            if (!obj.TryGetProperty(name, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
            {
                return (null, null);
            }

            string raw = v.ValueKind switch
            {
                JsonValueKind.Number => v.GetRawText(),
                JsonValueKind.String => v.GetString()!.Trim(),
                _ => "\0",
            };
            if (raw.Length == 0)
            {
                return (null, null);
            }

            string digits = TextNormalizer.Normalize(raw).TrimEnd('%').Trim();
            if (PrintedNumber.IsOutOfRange(digits))
            {
                OutOfRange(Field(at, name));
                return (null, null);
            }

            if (!PrintedNumber.TryParse(digits, out PrintedNumber n) || n.Value < 0)
            {
                Error(Field(at, name), "必须是非负的百分数，如 80.80%", "must be a non-negative percentage such as 80.80%");
                return (null, null);
            }

            return (raw, n);
        }

        /// <summary>A cell whose numbers are past what can be computed with is refused here, naming the cell.</summary>
        private string? InRange(string cell, string at, string name)
        {
            string normalized = TextNormalizer.Normalize(cell);
            if (!PrintedNumber.MayHaveUncomputable(normalized))
            {
                return cell;
            }

            foreach (System.Text.RegularExpressions.ValueMatch m in NumberRun().EnumerateMatches(normalized))
            {
                ReadOnlySpan<char> token = normalized.AsSpan(m.Index, m.Length);
                if (!PrintedNumber.IsComputable(token) && PrintedNumber.IsOutOfRange(token.ToString()))
                {
                    OutOfRange(Field(at, name));
                    return null;
                }
            }

            return cell;
        }

        /// <summary>A field's path (<c>indicators[3].target</c>), made only when there is an error to name.</summary>
        private static string Field(string at, string name) => at.Length == 0 ? name : at + "." + name;

        private void OutOfRange(string path) =>
            Error(path, $"数值超出范围（整数部分不超过15位，小数不超过{PrintedNumber.MaxDecimals}位）",
                $"the number is out of range (at most 15 integer digits and {PrintedNumber.MaxDecimals} decimals)");

        private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;
    }
}
