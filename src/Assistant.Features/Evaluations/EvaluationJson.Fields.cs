using System.Globalization;
using System.Text.Json;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;

namespace Assistant.Features.Evaluations;

/// <summary>The rules both readers share: each field's checks, and the fixed order the errors come in (not the order the fields are written in).</summary>
public static partial class EvaluationJson
{
    private sealed partial class Reader
    {
        private List<InputError>? _errors;

        private void Error(string field, string zh, string en) => (_errors ??= []).Add(new InputError(field, zh, en));

        /// <summary>Errors from here on go to <paramref name="next"/>; returns the list they went to until now (a section keeps its own).</summary>
        private List<InputError>? Swap(List<InputError>? next)
        {
            List<InputError>? current = _errors;
            _errors = next;
            return current;
        }

        private void Add(List<InputError>? errors)
        {
            if (errors is { Count: > 0 })
            {
                (_errors ??= []).AddRange(errors);
            }
        }

        public Evaluation Done(Evaluation? evaluation) =>
            _errors is { Count: > 0 } || evaluation is null ? throw new InputException(_errors ?? []) : evaluation;

        public Evaluation? NotAnObject()
        {
            Error("body", "请求体必须是JSON对象", "the body must be a JSON object");
            return null;
        }

        private void NotAnObject(string path) => Error(path, "必须是对象", "must be an object");

        /// <summary>The table from its fields and its three sections, errors in the fixed order: kind, title, year, funds, indicators, levelWeights, the printed totals, region, department, implementer.</summary>
        private Evaluation Evaluation(in RootFields root, Part<FundSection> funds, Part<List<Indicator>> indicators, Part<List<LevelWeight>> levels)
        {
            string? kindText = TextOf(root.Kind, "kind", "", required: true);
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

            string? title = TextOf(root.Title, "title", "", required: true);
            if (title is not null && title.Trim().Length == 0)
            {
                Error("title", "不能为空", "must not be empty");
            }

            int? year = Year(root.Year);
            Add(funds.Errors);
            Add(indicators.Errors);
            if (indicators.Kind == JsonValueKind.Array && indicators.Value is { Count: 0 } && indicators.Errors is not { Count: > 0 })
            {
                Error("indicators", "至少要有一项绩效指标（空表无法评分）", "at least one indicator is required (an empty table cannot be scored)");
            }

            Add(levels.Errors);
            PrintedNumber? weightTotal = NumberOf(root.PrintedWeightTotal, "printedWeightTotal", "", nonNegative: true);
            PrintedNumber? total = NumberOf(root.PrintedTotal, "printedTotal", "", nonNegative: true);

            return new Evaluation
            {
                Kind = kind,
                Title = title?.Trim() ?? string.Empty,
                Year = year,
                Region = TextOf(root.Region, "region", ""),
                Department = TextOf(root.Department, "department", ""),
                Implementer = TextOf(root.Implementer, "implementer", ""),
                Funds = funds.Value,
                Indicators = indicators.Value,
                LevelWeights = levels.Value,
                PrintedWeightTotal = weightTotal,
                PrintedTotal = total,
            };
        }

        private int? Year(JsonField y)
        {
            if (y.IsMissing)
            {
                return null;
            }

            string raw = y.Kind == JsonValueKind.String ? y.GetString() : y.Kind == JsonValueKind.Number ? y.GetRawText() : string.Empty;
            if (int.TryParse(raw.Trim().TrimEnd('年'), NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year is >= 1990 and <= 2200)
            {
                return year;
            }

            Error("year", "必须是1990–2200之间的年份", "must be a year between 1990 and 2200");
            return null;
        }

        /// <summary>项目资金 from its fields (<paramref name="kind"/> is what <c>funds</c> was given as); the lines' own errors, then each line's parent checked.</summary>
        private FundSection Funds(JsonValueKind kind, JsonField unitField, JsonField weightField, Part<List<FundLine>> linesPart)
        {
            if (kind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                Error("funds", "缺少项目资金（funds）", "funds is required");
                return new FundSection();
            }

            if (kind != JsonValueKind.Object)
            {
                Error("funds", "必须是对象", "must be an object");
                return new FundSection();
            }

            string unit = TextOf(unitField, "unit", "funds") ?? "万元";
            if (unit is not ("万元" or "元" or "亿元"))
            {
                Error("funds.unit", "只能是 万元、元 或 亿元", "must be 万元, 元 or 亿元");
            }

            PrintedNumber? weight = NumberOf(weightField, "weight", "funds", nonNegative: true);
            Add(linesPart.Errors);
            List<FundLine> lines = linesPart.Value ?? [];
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

        /// <summary>True when <c>funds.lines</c> is an array to read; absent or null is no lines, anything else an error.</summary>
        private bool ArrayOrAbsent(JsonValueKind kind, string field)
        {
            if (kind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                return false;
            }

            if (kind != JsonValueKind.Array)
            {
                Error(field, "必须是数组", "must be an array");
                return false;
            }

            return true;
        }

        private FundLine FundLine(in FundLineFields l, string path)
        {
            string? name = TextOf(l.Name, "name", path, required: true);
            if (name is not null && name.Trim().Length == 0)
            {
                Error(path + ".name", "不能为空", "must not be empty");
            }

            (string? rateText, PrintedNumber? rate) = Rate(l.PrintedRate, "printedRate", path);
            string? parent = TextOf(l.Parent, "parent", path) is { Length: > 0 } p ? p.Trim() : null;
            PrintedNumber? initialBudget = NumberOf(l.InitialBudget, "initialBudget", path, nonNegative: true);
            int before = _errors?.Count ?? 0;
            PrintedNumber? budget = NumberOf(l.Budget, "budget", path, nonNegative: true);
            bool budgetRefused = (_errors?.Count ?? 0) > before;
            PrintedNumber? executed = NumberOf(l.Executed, "executed", path, nonNegative: true);
            if (budget is null && !budgetRefused && executed is not null)
            {
                // An OA form's blank 全年预算数 beside an executed amount: not a 执行率 of nothing, nor a 资金得分 of 0.
                Error(path + ".budget", "有全年执行数时必须填写全年预算数（本项为空）", "budget is required when executed is given (it is blank or missing)");
            }

            return new FundLine
            {
                Id = TextOf(l.Id, "id", path),
                Name = name?.Trim() ?? string.Empty,
                Parent = parent,
                InitialBudget = initialBudget,
                Budget = budget,
                Executed = executed,
                PrintedRateText = rateText,
                PrintedRate = rate,
                PrintedScore = NumberOf(l.PrintedScore, "printedScore", path, nonNegative: true),
                DeviationNote = TextOf(l.DeviationNote, "deviationNote", path),
            };
        }

        /// <summary>True when <c>indicators</c> is an array to read; absent, null or anything else is an error.</summary>
        private bool IndicatorsGiven(JsonValueKind kind)
        {
            if (kind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                Error("indicators", "缺少绩效指标（indicators）", "indicators is required");
                return false;
            }

            if (kind != JsonValueKind.Array)
            {
                Error("indicators", "必须是数组", "must be an array");
                return false;
            }

            return true;
        }

        private Indicator Indicator(in IndicatorFields f, string path)
        {
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
            return new Indicator
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
            };
        }

        /// <summary>True when <c>levelWeights</c> is an object to read; absent or null is none, anything else an error.</summary>
        private bool LevelWeightsGiven(JsonValueKind kind)
        {
            if (kind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                return false;
            }

            if (kind != JsonValueKind.Object)
            {
                Error("levelWeights", "必须是对象（一级指标 → 分值）", "must be an object (level-1 name → weight)");
                return false;
            }

            return true;
        }

        /// <summary>One weight per entry, in the order written; each entry's value is its name's (the last given for a name written twice).</summary>
        private List<LevelWeight> LevelWeights(List<(string Name, JsonField Value)> entries)
        {
            var list = new List<LevelWeight>();
            foreach ((string name, JsonField value) in entries)
            {
                if (NumberOf(value, name, "levelWeights", nonNegative: true) is { } n)
                {
                    list.Add(new LevelWeight(name, n));
                }
            }

            return list;
        }

        /// <summary>A text cell: a string, or a number kept as written (<c>100</c>, <c>0.5</c>).</summary>
        private string? CellOf(JsonField v, string name, string at)
        {
            switch (v.Kind)
            {
                case JsonValueKind.Undefined or JsonValueKind.Null:
                    return null;
                case JsonValueKind.String:
                    string s = v.GetString();
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

        private string? TextOf(JsonField v, string name, string at, bool required = false)
        {
            if (v.IsMissing)
            {
                if (required)
                {
                    Error(Field(at, name), "缺少必填字段", "is required");
                }

                return null;
            }

            if (v.Kind == JsonValueKind.Number)
            {
                return v.GetRawText();
            }

            if (v.Kind != JsonValueKind.String)
            {
                Error(Field(at, name), "必须是字符串", "must be a string");
                return null;
            }

            string s = v.GetString();
            if (s.Length > MaxTextLength)
            {
                Error(Field(at, name), $"文字过长（超过{MaxTextLength}字）", $"text longer than {MaxTextLength} characters");
                return null;
            }

            return s;
        }

        /// <summary>A number as a JSON number or a numeric string, keeping its printed decimals.</summary>
        private PrintedNumber? NumberOf(JsonField v, string name, string at, bool nonNegative)
        {
            if (v.IsMissing)
            {
                return null;
            }

            string raw;
            if (v.Kind == JsonValueKind.Number)
            {
                raw = v.GetRawText();
                if (raw.AsSpan().IndexOfAny('e', 'E') >= 0 && !Plain(raw, out raw))
                {
                    OutOfRange(Field(at, name));
                    return null;
                }
            }
            else if (v.Kind == JsonValueKind.String)
            {
                raw = v.GetString().Trim();
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
                if (PrintedNumber.IsMisgrouped(raw))
                {
                    Misgrouped(Field(at, name), raw);
                    return null;
                }

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
        private (string? Text, PrintedNumber? Value) Rate(JsonField v, string name, string at)
        {
            if (v.IsMissing)
            {
                return (null, null);
            }

            string raw = v.Kind switch
            {
                JsonValueKind.Number => v.GetRawText(),
                JsonValueKind.String => v.GetString().Trim(),
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

            if (PrintedNumber.IsMisgrouped(digits))
            {
                Misgrouped(Field(at, name), raw);
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

        /// <summary>
        /// A JSON number in exponent notation (<c>2.7e3</c>, as Jackson or JavaScript write it) as the
        /// plain decimal it is (<c>2700</c>), read with <see cref="decimal"/> (never through a double);
        /// false when no decimal holds it (<c>1e400</c>).
        /// </summary>
        private static bool Plain(string raw, out string plain)
        {
            plain = raw;
            if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d))
            {
                return false;
            }

            plain = d.ToString(CultureInfo.InvariantCulture);
            return !(d == 0 && raw.AsSpan().IndexOfAnyInRange('1', '9') >= 0 && raw.AsSpan(0, raw.AsSpan().IndexOfAny('e', 'E')).IndexOfAnyInRange('1', '9') >= 0);
        }

        /// <summary>A field's path (<c>indicators[3].target</c>), made only when there is an error to name.</summary>
        private static string Field(string at, string name) => at.Length == 0 ? name : at + "." + name;

        private void OutOfRange(string path) =>
            Error(path, $"数值超出范围（整数部分不超过15位，小数不超过{PrintedNumber.MaxDecimals}位）",
                $"the number is out of range (at most 15 integer digits and {PrintedNumber.MaxDecimals} decimals)");

        /// <summary>
        /// A comma that is no thousands separator (920,00, 1,2345, 1.234,56): a decimal comma or a slip, refused with the
        /// reason — reading it with the comma taken out would make the number a hundred or a thousand times larger.
        /// </summary>
        private void Misgrouped(string path, string raw) =>
            Error(path, $"“{Clip(raw)}”中的逗号不是千位分隔符（千位分隔每三位一组，如2,181.57），无法确定数值；小数请用小数点，如920.00",
                $"\"{Clip(raw)}\": the comma is not a thousands separator (groups of three digits, e.g. 2,181.57), so the number is ambiguous; write decimals with a point, e.g. 920.00");

        private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;
    }
}
