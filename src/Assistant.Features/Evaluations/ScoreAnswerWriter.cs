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

    private static JsonName N(string name) => new(name);

    private static readonly JsonName Schema = N("schema"), Policy = N("policy"), Title = N("title"), Kind = N("kind"),
        Total = N("total"), TotalUnrounded = N("totalUnrounded"), Grade = N("grade"), WeightTotal = N("weightTotal"),
        Funds = N("funds"), Indicators = N("indicators"), Levels = N("levels"), Findings = N("findings"), Summary = N("summary"),
        Index = N("index"), Name = N("name"), Parent = N("parent"), Rate = N("rate"), RateText = N("rateText"), Score = N("score"),
        ScoreUnrounded = N("scoreUnrounded"), Id = N("id"), Level1 = N("level1"), Level2 = N("level2"), Rule = N("rule"),
        Status = N("status"), Target = N("target"), Actual = N("actual"), TargetParsed = N("targetParsed"), ActualParsed = N("actualParsed"),
        Weight = N("weight"), Completion = N("completion"), CompletionText = N("completionText"), Gap = N("gap"), GapUnit = N("gapUnit"),
        Trace = N("trace"), Comparator = N("comparator"), Value = N("value"), Decimals = N("decimals"), Unit = N("unit"),
        BaseValue = N("baseValue"), BaseUnit = N("baseUnit"), Label = N("label"), Level = N("level"), Date = N("date"), Note = N("note"),
        WeightSum = N("weightSum"), PrintedWeight = N("printedWeight"), ScoreSum = N("scoreSum"), Code = N("code"), Severity = N("severity"),
        Message = N("message"), Path = N("path"), Expected = N("expected"), Errors = N("errors"), Warnings = N("warnings"), Infos = N("infos");

    private static readonly JsonEncodedText SchemaValue = E("assistant.score/v1"), Project = E("project"), Transfer = E("transfer"),
        Quantity = E("quantity"), Qualitative = E("qualitative"), Deadline = E("deadline"), Missing = E("missing"), Cancelled = E("cancelled"),
        Compound = E("compound"), Unknown = E("unknown"), NotSetNote = E("指标值未设定"), EmptyNote = E("空"), CancelledNote = E("指标已取消");

    private static readonly JsonEncodedText[] Rules = Enum.GetValues<IndicatorRule>().Select(r => E(r.ToContract())).ToArray();
    private static readonly JsonEncodedText[] Statuses = Enum.GetValues<IndicatorStatus>().Select(s => E(s.ToContract())).ToArray();
    private static readonly JsonEncodedText[] Severities = Enum.GetValues<Assistant.Domain.Scoring.Severity>().Select(s => E(s.ToContract())).ToArray();
    private static readonly JsonEncodedText[] Comparators = Enum.GetValues<Assistant.Domain.Cells.Comparator>().Select(c => E(c.Symbol())).ToArray();

    /// <summary>An indicator's rule and status, pre-built per pair (rule × status), as the two properties write them.</summary>
    private static readonly JsonRun[] RuleStatuses = Enumerable.Range(0, Rules.Length * Statuses.Length)
        .Select(k => new JsonRun((ref IndentedJsonEmitter w) =>
        {
            w.String(Rule, Rules[k / Statuses.Length]);
            w.String(Status, Statuses[k % Statuses.Length]);
        })).ToArray();

    /// <summary>Writes the answer into <paramref name="output"/> (indented, Chinese as itself), flushed.</summary>
    public static void Write(System.Buffers.IBufferWriter<byte> output, Evaluation evaluation, ScoreReport report) =>
        Write(output, evaluation, report, indented: true);

    /// <summary>
    /// Writes the answer into <paramref name="output"/>, flushed: indented (the contract's form, as
    /// <see cref="ContractWriter.WriterOptions"/>) or, with <paramref name="indented"/> false, compact (as
    /// <see cref="ContractWriter.CompactWriterOptions"/>: the same JSON without its white space).
    /// </summary>
    public static void Write(System.Buffers.IBufferWriter<byte> output, Evaluation evaluation, ScoreReport report, bool indented)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(report);
        var writer = new IndentedJsonEmitter(output, indented);

        // One room on the stack for every trace and message (since session 42: zeroed once per answer, not once per row and finding).
        Span<char> room = stackalloc char[TraceRoom];
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
            FixedAndPercent(ref writer, Rate, RateText, f.Rate);
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
            // Rule and status index the pre-built pair; a value outside its enum would pick another pair, so it throws.
            if ((uint)r.Rule >= (uint)Rules.Length || (uint)r.Status >= (uint)Statuses.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(report), $"indicator {r.Index}: rule {r.Rule} / status {r.Status} outside the contract");
            }

            writer.Properties(RuleStatuses[((int)r.Rule * Statuses.Length) + (int)r.Status]);
            writer.String(Target, ind.Target);
            writer.String(Actual, ind.Actual);
            Cell(ref writer, TargetParsed, r.Target, room);
            Cell(ref writer, ActualParsed, r.Actual, room);
            Trimmed(ref writer, Weight, r.Weight);
            FixedAndPercent(ref writer, Completion, CompletionText, r.Completion);
            Fixed(ref writer, Score, r.Score, 2);
            Trimmed(ref writer, ScoreUnrounded, r.Score);
            Trimmed(ref writer, Gap, r.Gap);
            writer.String(GapUnit, r.GapUnit);
            WriteTrace(ref writer, r, room);
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
            WriteMessage(ref writer, f, room);
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

    /// <summary>The row's trace, written from its characters without a string when it has not been read (<see cref="IndicatorResult.TryWriteTrace"/>).</summary>
    private static void WriteTrace(ref IndentedJsonEmitter writer, IndicatorResult r, scoped Span<char> text)
    {
        if (r.TryWriteTrace(text, out int written))
        {
            writer.String(Trace, text[..written]);
        }
        else
        {
            writer.String(Trace, r.Trace);
        }
    }

    /// <summary>The finding's message, written from its characters without a string when it is kept as its parts (<see cref="Finding.TryWriteMessage"/>).</summary>
    private static void WriteMessage(ref IndentedJsonEmitter writer, Finding f, scoped Span<char> text)
    {
        if (f.TryWriteMessage(text, out int written))
        {
            writer.String(Message, text[..written]);
        }
        else
        {
            writer.String(Message, f.Message);
        }
    }

    /// <summary>Room for a trace on the stack; a longer one (a qualitative row quoting a long cell) is written from its string.</summary>
    private const int TraceRoom = 512;

    /// <summary>As <see cref="ScoreContract.Cell"/> and the generated handler for <see cref="CellDto"/> write it.</summary>
    /// <remarks>A unit with a magnitude (万元) is written from its two parts put side by side in <paramref name="room"/>, not from <see cref="UnitSpec.Text"/>'s concatenation (session 43).</remarks>
    private static void Cell(ref IndentedJsonEmitter writer, JsonName name, Cell cell, scoped Span<char> room)
    {
        writer.StartObject(name);
        switch (cell)
        {
            case QuantityCell q:
                int c = (int)q.Comparator;
                writer.Properties(c > 0 && c < QuantityHeads.Length ? QuantityHeads[c] : QuantityHeads[0]);
                Fixed(ref writer, Value, q.Number.Value, q.Number.Decimals);
                writer.Number(Decimals, q.Number.Decimals);
                UnitSpec unit = q.EffectiveUnit;
                if (unit.Magnitude.Length == 0 && unit.Base.Length == 0)
                {
                    writer.Null(Unit);
                }
                else if (unit.Magnitude.Length == 0)
                {
                    writer.String(Unit, unit.Base);
                }
                else if (unit.Magnitude.Length + unit.Base.Length <= room.Length)
                {
                    unit.Magnitude.CopyTo(room);
                    unit.Base.CopyTo(room[unit.Magnitude.Length..]);
                    writer.String(Unit, room[..(unit.Magnitude.Length + unit.Base.Length)]);
                }
                else
                {
                    writer.String(Unit, unit.Text);
                }

                Trimmed(ref writer, BaseValue, q.BaseValue);
                writer.String(BaseUnit, unit.Base.Length > 0 ? unit.Base : null);
                writer.String(Label, q.Label);
                writer.Properties(LevelDateNoteNull);
                break;
            case QualitativeCell t:
                if (t.Level is { } level)
                {
                    writer.Properties(QualitativeHead);
                    writer.Number(Level, level);
                    writer.Properties(DateNoteNull);
                }
                else
                {
                    writer.Properties(QualitativeWithoutLevel);
                }

                break;
            case DeadlineCell d:
                writer.Properties(DeadlineHead);
                writer.String(Date, ScoreContract.DateText(d));
                writer.Null(Note);
                break;
            case MissingCell m:
                writer.Properties(m.ExplicitlyNotSet ? MissingNotSet : MissingEmpty);
                break;
            case CancelledCell:
                writer.Properties(CancelledWhole);
                break;
            case CompoundCell compound:
                writer.Properties(CompoundHead);
                writer.String(Note, compound.Reason);
                break;
            default:
                writer.Properties(UnknownWhole);
                break;
        }

        writer.EndObject();
    }

    // A cell's fixed runs of properties, each pre-built once by the emitter (JsonRun): what the calls they
    // stand for wrote one by one until session 29, copied at once.

    /// <summary>kind "quantity" and the comparator (null for none), by <see cref="Assistant.Domain.Cells.Comparator"/>.</summary>
    private static readonly JsonRun[] QuantityHeads = Enumerable.Range(0, Comparators.Length).Select(c => new JsonRun((ref IndentedJsonEmitter w) =>
    {
        w.String(Kind, Quantity);
        if (c == 0)
        {
            w.Null(Comparator);
        }
        else
        {
            w.String(Comparator, Comparators[c]);
        }
    })).ToArray();

    private static readonly JsonRun LevelDateNoteNull = new((ref IndentedJsonEmitter w) =>
    {
        w.Null(Level);
        w.Null(Date);
        w.Null(Note);
    });

    private static readonly JsonRun DateNoteNull = new((ref IndentedJsonEmitter w) =>
    {
        w.Null(Date);
        w.Null(Note);
    });

    private static readonly JsonRun QualitativeHead = new((ref IndentedJsonEmitter w) => Headed(ref w, Qualitative));

    private static readonly JsonRun QualitativeWithoutLevel = new((ref IndentedJsonEmitter w) =>
    {
        Headed(ref w, Qualitative);
        w.Null(Level);
        w.Null(Date);
        w.Null(Note);
    });

    private static readonly JsonRun DeadlineHead = new((ref IndentedJsonEmitter w) =>
    {
        Headed(ref w, Deadline);
        w.Null(Level);
    });

    private static readonly JsonRun MissingNotSet = new((ref IndentedJsonEmitter w) => Noted(ref w, Missing, NotSetNote));

    private static readonly JsonRun MissingEmpty = new((ref IndentedJsonEmitter w) => Noted(ref w, Missing, EmptyNote));

    private static readonly JsonRun CancelledWhole = new((ref IndentedJsonEmitter w) => Noted(ref w, Cancelled, CancelledNote));

    private static readonly JsonRun CompoundHead = new((ref IndentedJsonEmitter w) =>
    {
        Headed(ref w, Compound);
        w.Null(Level);
        w.Null(Date);
    });

    private static readonly JsonRun UnknownWhole = new((ref IndentedJsonEmitter w) =>
    {
        Headed(ref w, Unknown);
        w.Null(Level);
        w.Null(Date);
        w.Null(Note);
    });

    private static void Noted(ref IndentedJsonEmitter writer, JsonEncodedText kind, JsonEncodedText note)
    {
        Headed(ref writer, kind);
        writer.Null(Level);
        writer.Null(Date);
        writer.String(Note, note);
    }

    /// <summary>The kind, then comparator … label, all null (every cell but a quantity).</summary>
    private static void Headed(ref IndentedJsonEmitter writer, JsonEncodedText kind)
    {
        writer.String(Kind, kind);
        writer.Null(Comparator);
        writer.Null(Value);
        writer.Null(Decimals);
        writer.Null(Unit);
        writer.Null(BaseValue);
        writer.Null(BaseUnit);
        writer.Null(Label);
    }

    /// <summary>The longest number written: 29 integer digits, a point and 28 decimals (and a percent sign).</summary>
    private const int MaxNumberLength = 64;

    /// <summary><see cref="PrintedNumber.Format"/> as UTF-8, formatted straight into the answer, or null.</summary>
    private static void Fixed(ref IndentedJsonEmitter writer, JsonName name, decimal? value, int decimals)
    {
        if (value is not { } v)
        {
            writer.Null(name);
            return;
        }

        Span<byte> span = writer.AsciiValue(name, MaxNumberLength);
        if (PrintedNumber.TryFormatUtf8(v, decimals, span, out int written))
        {
            writer.CommitAscii(written);
        }
        else
        {
            writer.StringValue(PrintedNumber.Format(v, decimals));
        }
    }

    /// <summary>Below this a ratio × 100 is exact and far from overflowing (the percent is then the 4-decimal digits moved).</summary>
    private const decimal ShiftableRatio = 1e20m;

    /// <summary>
    /// A ratio with 4 decimals under <paramref name="name"/>, then its percent under <paramref name="percentName"/>: what
    /// <see cref="Fixed"/> (4 decimals) and <see cref="Percent"/> write, the percent taken from the ratio's own digits (since
    /// session 40). <c>Format(r × 100, 2)</c> is <c>Format(r, 4)</c> with the point two places on: r × 100 is exact for
    /// a decimal below <see cref="ShiftableRatio"/> (its mantissa times 100 at the same scale, or the same mantissa two
    /// places less), and rounding half up at the second decimal of 100·r is rounding at the fourth of r. So
    /// <c>0.6107</c> gives <c>61.07%</c>, <c>0.0050</c> gives <c>0.50%</c> and <c>12.3456</c> gives <c>1234.56%</c>, without
    /// the product, its rounding and its digits again. Anything else (negative, huge, a ratio the fast path could not
    /// format) goes the old way, which also keeps its overflow.
    /// </summary>
    private static void FixedAndPercent(ref IndentedJsonEmitter writer, JsonName name, JsonName percentName, decimal? ratio)
    {
        if (ratio is not { } r || r < 0m || r >= ShiftableRatio)
        {
            Fixed(ref writer, name, ratio, 4);
            Percent(ref writer, percentName, ratio);
            return;
        }

        Span<byte> span = writer.AsciiValue(name, MaxNumberLength);
        if (!PrintedNumber.TryFormatUtf8(r, 4, span, out int written))
        {
            writer.StringValue(PrintedNumber.Format(r, 4));
            Percent(ref writer, percentName, ratio);
            return;
        }

        Span<byte> digits = stackalloc byte[MaxNumberLength];
        IndentedJsonEmitter.CopyShort(span[..written], digits);
        writer.CommitAscii(written);
        Span<byte> percent = writer.AsciiValue(percentName, MaxNumberLength);
        writer.CommitAscii(PercentOfFixed4(digits[..written], percent));
    }

    /// <summary>
    /// <c>I.DDDD</c> (a ratio printed with 4 decimals) as the percent <c>IDD.DD%</c>, the integer part without leading zeros
    /// (at least one digit): the bytes written. <paramref name="percent"/> has room for all of them.
    /// </summary>
    internal static int PercentOfFixed4(ReadOnlySpan<byte> fixed4, Span<byte> percent)
    {
        // I…I . D1 D2 D3 D4: the percent's integer part is I…I D1 D2 (up to index Length − 3), its decimals D3 D4.
        int point = fixed4.Length - 5;
        int last = fixed4.Length - 3;
        int at = 0;
        for (int i = 0; i <= last; i++)
        {
            if (i == point)
            {
                continue;
            }

            if (at == 0 && fixed4[i] == (byte)'0' && i < last)
            {
                // A leading zero of the percent's integer part (not its last digit).
                continue;
            }

            percent[at++] = fixed4[i];
        }

        percent[at++] = (byte)'.';
        percent[at++] = fixed4[^2];
        percent[at++] = fixed4[^1];
        percent[at++] = (byte)'%';
        return at;
    }

    /// <summary><c>PrintedNumber.Format(ratio × 100, 2) + "%"</c> as UTF-8, formatted straight into the answer, or null.</summary>
    private static void Percent(ref IndentedJsonEmitter writer, JsonName name, decimal? ratio)
    {
        if (ratio is not { } r)
        {
            writer.Null(name);
            return;
        }

        Span<byte> span = writer.AsciiValue(name, MaxNumberLength);
        if (PrintedNumber.TryFormatUtf8(r * 100m, 2, span, out int written) && written < span.Length)
        {
            span[written++] = (byte)'%';
            writer.CommitAscii(written);
        }
        else
        {
            writer.StringValue(PrintedNumber.Format(r * 100m, 2) + "%");
        }
    }

    /// <summary><see cref="PrintedNumber.FormatTrimmed"/> as UTF-8, formatted straight into the answer, or null.</summary>
    private static void Trimmed(ref IndentedJsonEmitter writer, JsonName name, decimal? value)
    {
        if (value is not { } v)
        {
            writer.Null(name);
            return;
        }

        Span<byte> span = writer.AsciiValue(name, MaxNumberLength);
        if (PrintedNumber.TryFormatTrimmedUtf8(v, span, out int written))
        {
            writer.CommitAscii(written);
        }
        else
        {
            writer.StringValue(PrintedNumber.FormatTrimmed(v));
        }
    }
}
