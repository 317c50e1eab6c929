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
/// (<see cref="ScoreJsonContext"/>): record parameter order, camelCase, nulls written.
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
        using var writer = new Utf8JsonWriter(output, ContractWriter.WriterOptions);
        Write(writer, evaluation, report);
        writer.Flush();
    }

    public static void Write(Utf8JsonWriter writer, Evaluation evaluation, ScoreReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString(Schema, SchemaValue);
        writer.WriteString(Policy, report.PolicyName);
        writer.WriteString(Title, evaluation.Title);
        writer.WriteString(Kind, evaluation.Kind == EvaluationKind.Project ? Project : Transfer);
        Fixed(writer, Total, report.TotalRounded, 2);
        Trimmed(writer, TotalUnrounded, report.Total);
        writer.WriteString(Grade, report.Grade);
        Trimmed(writer, WeightTotal, report.WeightTotal);

        writer.WriteStartArray(Funds);
        foreach (FundLineResult f in report.Funds)
        {
            writer.WriteStartObject();
            writer.WriteNumber(Index, f.Index);
            writer.WriteString(Name, f.Name);
            writer.WriteString(Parent, f.Parent);
            Fixed(writer, Rate, f.Rate, 4);
            Percent(writer, RateText, f.Rate);
            Fixed(writer, Score, f.Score, 2);
            Trimmed(writer, ScoreUnrounded, f.Score);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray(Indicators);
        foreach (IndicatorResult r in report.Indicators)
        {
            Indicator ind = evaluation.Indicators[r.Index];
            writer.WriteStartObject();
            writer.WriteNumber(Index, r.Index);
            writer.WriteString(Id, ind.Id);
            writer.WriteString(Name, ind.Name);
            writer.WriteString(Level1, ind.Level1);
            writer.WriteString(Level2, ind.Level2);
            writer.WriteString(Rule, Rules[(int)r.Rule]);
            writer.WriteString(Status, Statuses[(int)r.Status]);
            writer.WriteString(Target, ind.Target);
            writer.WriteString(Actual, ind.Actual);
            writer.WritePropertyName(TargetParsed);
            Cell(writer, r.Target);
            writer.WritePropertyName(ActualParsed);
            Cell(writer, r.Actual);
            Trimmed(writer, Weight, r.Weight);
            Fixed(writer, Completion, r.Completion, 4);
            Percent(writer, CompletionText, r.Completion);
            Fixed(writer, Score, r.Score, 2);
            Trimmed(writer, ScoreUnrounded, r.Score);
            Trimmed(writer, Gap, r.Gap);
            writer.WriteString(GapUnit, r.GapUnit);
            writer.WriteString(Trace, r.Trace);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray(Levels);
        foreach (LevelResult l in report.Levels)
        {
            writer.WriteStartObject();
            writer.WriteString(Level1, l.Level1);
            Trimmed(writer, WeightSum, l.WeightSum);
            Trimmed(writer, PrintedWeight, l.PrintedWeight);
            Fixed(writer, ScoreSum, l.ScoreSum, 2);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        int errors = 0, warnings = 0, infos = 0;
        writer.WriteStartArray(Findings);
        foreach (Finding f in report.Findings)
        {
            switch (f.Severity)
            {
                case Assistant.Domain.Scoring.Severity.Error: errors++; break;
                case Assistant.Domain.Scoring.Severity.Warning: warnings++; break;
                case Assistant.Domain.Scoring.Severity.Info: infos++; break;
            }

            writer.WriteStartObject();
            writer.WriteString(Code, f.Code);
            writer.WriteString(Severity, (int)f.Severity is >= 0 and < 3 ? Severities[(int)f.Severity] : E(f.Severity.ToContract()));
            writer.WriteString(Message, f.Message);
            writer.WriteString(Path, f.Path);
            writer.WriteString(Expected, f.Expected);
            writer.WriteString(Actual, f.Actual);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartObject(Summary);
        writer.WriteNumber(Errors, errors);
        writer.WriteNumber(Warnings, warnings);
        writer.WriteNumber(Infos, infos);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>As <see cref="ScoreContract.Cell"/> and the generated handler for <see cref="CellDto"/> write it.</summary>
    private static void Cell(Utf8JsonWriter writer, Cell cell)
    {
        writer.WriteStartObject();
        switch (cell)
        {
            case QuantityCell q:
                writer.WriteString(Kind, Quantity);
                if (q.Comparator is Assistant.Domain.Cells.Comparator.None || (int)q.Comparator >= Comparators.Length)
                {
                    writer.WriteNull(Comparator);
                }
                else
                {
                    writer.WriteString(Comparator, Comparators[(int)q.Comparator]);
                }

                Fixed(writer, Value, q.Number.Value, q.Number.Decimals);
                writer.WriteNumber(Decimals, q.Number.Decimals);
                UnitSpec unit = q.EffectiveUnit;
                if (unit.Magnitude.Length == 0 && unit.Base.Length == 0)
                {
                    writer.WriteNull(Unit);
                }
                else
                {
                    writer.WriteString(Unit, unit.Magnitude.Length == 0 ? unit.Base : unit.Text);
                }

                Trimmed(writer, BaseValue, q.BaseValue);
                writer.WriteString(BaseUnit, unit.Base.Length > 0 ? unit.Base : null);
                writer.WriteString(Label, q.Label);
                writer.WriteNull(Level);
                writer.WriteNull(Date);
                writer.WriteNull(Note);
                break;
            case QualitativeCell t:
                writer.WriteString(Kind, Qualitative);
                Nulls(writer);
                if (t.Level is { } level)
                {
                    writer.WriteNumber(Level, level);
                }
                else
                {
                    writer.WriteNull(Level);
                }

                writer.WriteNull(Date);
                writer.WriteNull(Note);
                break;
            case DeadlineCell d:
                writer.WriteString(Kind, Deadline);
                Nulls(writer);
                writer.WriteNull(Level);
                writer.WriteString(Date, ScoreContract.DateText(d));
                writer.WriteNull(Note);
                break;
            case MissingCell m:
                Noted(writer, Missing, m.ExplicitlyNotSet ? NotSetNote : EmptyNote);
                break;
            case CancelledCell:
                Noted(writer, Cancelled, CancelledNote);
                break;
            case CompoundCell c:
                writer.WriteString(Kind, Compound);
                Nulls(writer);
                writer.WriteNull(Level);
                writer.WriteNull(Date);
                writer.WriteString(Note, c.Reason);
                break;
            default:
                writer.WriteString(Kind, Unknown);
                Nulls(writer);
                writer.WriteNull(Level);
                writer.WriteNull(Date);
                writer.WriteNull(Note);
                break;
        }

        writer.WriteEndObject();
    }

    private static void Noted(Utf8JsonWriter writer, JsonEncodedText kind, JsonEncodedText note)
    {
        writer.WriteString(Kind, kind);
        Nulls(writer);
        writer.WriteNull(Level);
        writer.WriteNull(Date);
        writer.WriteString(Note, note);
    }

    /// <summary>comparator … label, all null (every cell but a quantity).</summary>
    private static void Nulls(Utf8JsonWriter writer)
    {
        writer.WriteNull(Comparator);
        writer.WriteNull(Value);
        writer.WriteNull(Decimals);
        writer.WriteNull(Unit);
        writer.WriteNull(BaseValue);
        writer.WriteNull(BaseUnit);
        writer.WriteNull(Label);
    }

    /// <summary><see cref="PrintedNumber.Format"/> as UTF-8, or null.</summary>
    private static void Fixed(Utf8JsonWriter writer, JsonEncodedText name, decimal? value, int decimals)
    {
        if (value is not { } v)
        {
            writer.WriteNull(name);
            return;
        }

        Span<byte> buffer = stackalloc byte[48];
        if (PrintedNumber.TryFormatUtf8(v, decimals, buffer, out int written))
        {
            writer.WriteString(name, buffer[..written]);
        }
        else
        {
            writer.WriteString(name, PrintedNumber.Format(v, decimals));
        }
    }

    /// <summary><c>PrintedNumber.Format(ratio × 100, 2) + "%"</c> as UTF-8, or null.</summary>
    private static void Percent(Utf8JsonWriter writer, JsonEncodedText name, decimal? ratio)
    {
        if (ratio is not { } r)
        {
            writer.WriteNull(name);
            return;
        }

        Span<byte> buffer = stackalloc byte[48];
        if (PrintedNumber.TryFormatUtf8(r * 100m, 2, buffer, out int written) && written < buffer.Length)
        {
            buffer[written++] = (byte)'%';
            writer.WriteString(name, buffer[..written]);
        }
        else
        {
            writer.WriteString(name, PrintedNumber.Format(r * 100m, 2) + "%");
        }
    }

    /// <summary><see cref="PrintedNumber.FormatTrimmed"/> as UTF-8, or null.</summary>
    private static void Trimmed(Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
    {
        if (value is not { } v)
        {
            writer.WriteNull(name);
            return;
        }

        Span<byte> buffer = stackalloc byte[48];
        if (PrintedNumber.TryFormatTrimmedUtf8(v, buffer, out int written))
        {
            writer.WriteString(name, buffer[..written]);
        }
        else
        {
            writer.WriteString(name, PrintedNumber.FormatTrimmed(v));
        }
    }
}
