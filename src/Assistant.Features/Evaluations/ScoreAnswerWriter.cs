using System.Text.Encodings.Web;
using System.Text.Json;
using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Features.Evaluations;

/// <summary>
/// Writes the score answer straight from the table and its <see cref="ScoreReport"/>, the same bytes
/// as <see cref="ContractWriter"/> writes for <see cref="ScoreContract.ToResponse(Evaluation, ScoreReport)"/>
/// (held equal over every golden table by <c>ScoringGoldenTests</c> and over random tables by
/// <c>ScoreAnswerWriterTests</c>), without the contract's records between them: every decimal is
/// formatted into UTF-8 bytes (no string per number), and every fixed word (rule, status, cell kind,
/// severity, the cells' notes) is written pre-encoded, so only the table's own texts, the traces and
/// the findings pass the encoder's check. Property order and null handling are the source generator's
/// (<see cref="ScoreJsonContext"/>): record parameter order, camelCase, nulls written. Since session 27
/// the bytes go out through <see cref="IndentedJsonEmitter"/> (the writer's indentation and escaping
/// without its per-call checks), not <see cref="Utf8JsonWriter"/>.
/// </summary>
public static class ScoreAnswerWriter
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static JsonEncodedText E(string text) => JsonEncodedText.Encode(text, Encoder);

    private static readonly JsonEncodedText Schema = E("schema"), Policy = E("policy"), Title = E("title"), Kind = E("kind"),
        Total = E("total"), TotalUnrounded = E("totalUnrounded"), Grade = E("grade"), WeightTotal = E("weightTotal"),
        Funds = E("funds"), Indicators = E("indicators"), Levels = E("levels"), Findings = E("findings"), Summary = E("summary"),
        Index = E("index"), Name = E("name"), Parent = E("parent"), Rate = E("rate"), RateText = E("rateText"), Score = E("score"),
        ScoreUnrounded = E("scoreUnrounded"), Id = E("id"), Level1 = E("level1"), Level2 = E("level2"), Rule = E("rule"),
        Status = E("status"), Target = E("target"), Actual = E("actual"), TargetParsed = E("targetParsed"), ActualParsed = E("actualParsed"),
        Weight = E("weight"), Completion = E("completion"), CompletionText = E("completionText"), Gap = E("gap"), GapUnit = E("gapUnit"),
        Trace = E("trace"), Comparator = E("comparator"), Value = E("value"), Decimals = E("decimals"), Unit = E("unit"),
        BaseValue = E("baseValue"), BaseUnit = E("baseUnit"), Label = E("label"), Level = E("level"), Date = E("date"), Note = E("note"),
        WeightSum = E("weightSum"), PrintedWeight = E("printedWeight"), ScoreSum = E("scoreSum"), Code = E("code"), Severity = E("severity"),
        Message = E("message"), Path = E("path"), Expected = E("expected"), Errors = E("errors"), Warnings = E("warnings"), Infos = E("infos");

    private static readonly JsonEncodedText SchemaValue = E("assistant.score/v1"), Project = E("project"), Transfer = E("transfer"),
        Quantity = E("quantity"), Qualitative = E("qualitative"), Deadline = E("deadline"), Missing = E("missing"), Cancelled = E("cancelled"),
        Compound = E("compound"), Unknown = E("unknown"), NotSetNote = E("指标值未设定"), EmptyNote = E("空"), CancelledNote = E("指标已取消");

    private static readonly JsonEncodedText[] Rules = Enum.GetValues<IndicatorRule>().Select(r => E(r.ToContract())).ToArray();
    private static readonly JsonEncodedText[] Statuses = Enum.GetValues<IndicatorStatus>().Select(s => E(s.ToContract())).ToArray();
    private static readonly JsonEncodedText[] Severities = Enum.GetValues<Assistant.Domain.Scoring.Severity>().Select(s => E(s.ToContract())).ToArray();
    private static readonly JsonEncodedText[] Comparators = Enum.GetValues<Assistant.Domain.Cells.Comparator>().Select(c => E(c.Symbol())).ToArray();

    /// <summary>Writes the answer into <paramref name="output"/> (indented, Chinese as itself), flushed.</summary>
    public static void Write(System.Buffers.IBufferWriter<byte> output, Evaluation evaluation, ScoreReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(report);
        var writer = new IndentedJsonEmitter(output, ContractWriter.WriterOptions);
        writer.StartObject();
        writer.String(Schema, SchemaValue);
        writer.String(Policy, report.PolicyName);
        writer.String(Title, evaluation.Title);
        writer.String(Kind, evaluation.Kind == EvaluationKind.Project ? Project : Transfer);
        Fixed(ref writer, Total, report.TotalRounded, 2);
        Trimmed(ref writer, TotalUnrounded, report.Total);
        writer.String(Grade, report.Grade);
        Trimmed(ref writer, WeightTotal, report.WeightTotal);

        writer.StartArray(Funds);
        foreach (FundLineResult f in report.Funds)
        {
            writer.StartObject();
            writer.Number(Index, f.Index);
            writer.String(Name, f.Name);
            writer.String(Parent, f.Parent);
            Fixed(ref writer, Rate, f.Rate, 4);
            Percent(ref writer, RateText, f.Rate);
            Fixed(ref writer, Score, f.Score, 2);
            Trimmed(ref writer, ScoreUnrounded, f.Score);
            writer.EndObject();
        }

        writer.EndArray();

        writer.StartArray(Indicators);
        foreach (IndicatorResult r in report.Indicators)
        {
            Indicator ind = evaluation.Indicators[r.Index];
            writer.StartObject();
            writer.Number(Index, r.Index);
            writer.String(Id, ind.Id);
            writer.String(Name, ind.Name);
            writer.String(Level1, ind.Level1);
            writer.String(Level2, ind.Level2);
            writer.String(Rule, Rules[(int)r.Rule]);
            writer.String(Status, Statuses[(int)r.Status]);
            writer.String(Target, ind.Target);
            writer.String(Actual, ind.Actual);
            Cell(ref writer, TargetParsed, r.Target);
            Cell(ref writer, ActualParsed, r.Actual);
            Trimmed(ref writer, Weight, r.Weight);
            Fixed(ref writer, Completion, r.Completion, 4);
            Percent(ref writer, CompletionText, r.Completion);
            Fixed(ref writer, Score, r.Score, 2);
            Trimmed(ref writer, ScoreUnrounded, r.Score);
            Trimmed(ref writer, Gap, r.Gap);
            writer.String(GapUnit, r.GapUnit);
            writer.String(Trace, r.Trace);
            writer.EndObject();
        }

        writer.EndArray();

        writer.StartArray(Levels);
        foreach (LevelResult l in report.Levels)
        {
            writer.StartObject();
            writer.String(Level1, l.Level1);
            Trimmed(ref writer, WeightSum, l.WeightSum);
            Trimmed(ref writer, PrintedWeight, l.PrintedWeight);
            Fixed(ref writer, ScoreSum, l.ScoreSum, 2);
            writer.EndObject();
        }

        writer.EndArray();

        int errors = 0, warnings = 0, infos = 0;
        writer.StartArray(Findings);
        foreach (Finding f in report.Findings)
        {
            switch (f.Severity)
            {
                case Assistant.Domain.Scoring.Severity.Error: errors++; break;
                case Assistant.Domain.Scoring.Severity.Warning: warnings++; break;
                case Assistant.Domain.Scoring.Severity.Info: infos++; break;
            }

            writer.StartObject();
            writer.String(Code, f.Code);
            writer.String(Severity, (int)f.Severity is >= 0 and < 3 ? Severities[(int)f.Severity] : E(f.Severity.ToContract()));
            writer.String(Message, f.Message);
            writer.String(Path, f.Path);
            writer.String(Expected, f.Expected);
            writer.String(Actual, f.Actual);
            writer.EndObject();
        }

        writer.EndArray();

        writer.StartObject(Summary);
        writer.Number(Errors, errors);
        writer.Number(Warnings, warnings);
        writer.Number(Infos, infos);
        writer.EndObject();
        writer.EndObject();
        writer.Flush();
    }

    /// <summary>As <see cref="ScoreContract.Cell"/> and the generated handler for <see cref="CellDto"/> write it.</summary>
    private static void Cell(ref IndentedJsonEmitter writer, JsonEncodedText name, Cell cell)
    {
        writer.StartObject(name);
        switch (cell)
        {
            case QuantityCell q:
                writer.String(Kind, Quantity);
                if (q.Comparator is Assistant.Domain.Cells.Comparator.None || (int)q.Comparator >= Comparators.Length)
                {
                    writer.Null(Comparator);
                }
                else
                {
                    writer.String(Comparator, Comparators[(int)q.Comparator]);
                }

                Fixed(ref writer, Value, q.Number.Value, q.Number.Decimals);
                writer.Number(Decimals, q.Number.Decimals);
                UnitSpec unit = q.EffectiveUnit;
                if (unit.Magnitude.Length == 0 && unit.Base.Length == 0)
                {
                    writer.Null(Unit);
                }
                else
                {
                    writer.String(Unit, unit.Magnitude.Length == 0 ? unit.Base : unit.Text);
                }

                Trimmed(ref writer, BaseValue, q.BaseValue);
                writer.String(BaseUnit, unit.Base.Length > 0 ? unit.Base : null);
                writer.String(Label, q.Label);
                writer.Null(Level);
                writer.Null(Date);
                writer.Null(Note);
                break;
            case QualitativeCell t:
                writer.String(Kind, Qualitative);
                Nulls(ref writer);
                if (t.Level is { } level)
                {
                    writer.Number(Level, level);
                }
                else
                {
                    writer.Null(Level);
                }

                writer.Null(Date);
                writer.Null(Note);
                break;
            case DeadlineCell d:
                writer.String(Kind, Deadline);
                Nulls(ref writer);
                writer.Null(Level);
                writer.String(Date, ScoreContract.DateText(d));
                writer.Null(Note);
                break;
            case MissingCell m:
                Noted(ref writer, Missing, m.ExplicitlyNotSet ? NotSetNote : EmptyNote);
                break;
            case CancelledCell:
                Noted(ref writer, Cancelled, CancelledNote);
                break;
            case CompoundCell c:
                writer.String(Kind, Compound);
                Nulls(ref writer);
                writer.Null(Level);
                writer.Null(Date);
                writer.String(Note, c.Reason);
                break;
            default:
                writer.String(Kind, Unknown);
                Nulls(ref writer);
                writer.Null(Level);
                writer.Null(Date);
                writer.Null(Note);
                break;
        }

        writer.EndObject();
    }

    private static void Noted(ref IndentedJsonEmitter writer, JsonEncodedText kind, JsonEncodedText note)
    {
        writer.String(Kind, kind);
        Nulls(ref writer);
        writer.Null(Level);
        writer.Null(Date);
        writer.String(Note, note);
    }

    /// <summary>comparator … label, all null (every cell but a quantity).</summary>
    private static void Nulls(ref IndentedJsonEmitter writer)
    {
        writer.Null(Comparator);
        writer.Null(Value);
        writer.Null(Decimals);
        writer.Null(Unit);
        writer.Null(BaseValue);
        writer.Null(BaseUnit);
        writer.Null(Label);
    }

    /// <summary><see cref="PrintedNumber.Format"/> as UTF-8, or null.</summary>
    private static void Fixed(ref IndentedJsonEmitter writer, JsonEncodedText name, decimal? value, int decimals)
    {
        if (value is not { } v)
        {
            writer.Null(name);
            return;
        }

        Span<byte> buffer = stackalloc byte[48];
        if (PrintedNumber.TryFormatUtf8(v, decimals, buffer, out int written))
        {
            writer.AsciiString(name, buffer[..written]);
        }
        else
        {
            writer.String(name, PrintedNumber.Format(v, decimals));
        }
    }

    /// <summary><c>PrintedNumber.Format(ratio × 100, 2) + "%"</c> as UTF-8, or null.</summary>
    private static void Percent(ref IndentedJsonEmitter writer, JsonEncodedText name, decimal? ratio)
    {
        if (ratio is not { } r)
        {
            writer.Null(name);
            return;
        }

        Span<byte> buffer = stackalloc byte[48];
        if (PrintedNumber.TryFormatUtf8(r * 100m, 2, buffer, out int written) && written < buffer.Length)
        {
            buffer[written++] = (byte)'%';
            writer.AsciiString(name, buffer[..written]);
        }
        else
        {
            writer.String(name, PrintedNumber.Format(r * 100m, 2) + "%");
        }
    }

    /// <summary><see cref="PrintedNumber.FormatTrimmed"/> as UTF-8, or null.</summary>
    private static void Trimmed(ref IndentedJsonEmitter writer, JsonEncodedText name, decimal? value)
    {
        if (value is not { } v)
        {
            writer.Null(name);
            return;
        }

        Span<byte> buffer = stackalloc byte[48];
        if (PrintedNumber.TryFormatTrimmedUtf8(v, buffer, out int written))
        {
            writer.AsciiString(name, buffer[..written]);
        }
        else
        {
            writer.String(name, PrintedNumber.FormatTrimmed(v));
        }
    }
}
