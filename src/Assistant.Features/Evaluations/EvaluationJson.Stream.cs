using System.Runtime.CompilerServices;
using System.Text.Json;
using Assistant.Domain.Evaluations;

namespace Assistant.Features.Evaluations;

/// <summary>
/// The streaming path: one <see cref="Utf8JsonReader"/> pass over the body builds the table, no
/// <see cref="JsonDocument"/>. Each object's fields are taken as they come (a field given twice keeps
/// its last value, as <c>TryGetProperty</c> finds it); a row, a line or a section is checked when its
/// object ends, each section keeping its own errors, and the table is assembled — errors in the fixed
/// order — when the body ends. Malformed JSON anywhere is the one error, at the reader's own line and
/// column, whatever was found before it (the document path parses first too).
/// </summary>
public static partial class EvaluationJson
{
    private static Evaluation Stream(ReadOnlyMemory<byte> body)
    {
        var r = new Reader { Texts = new RepeatedTexts(body) };
        var reader = new Utf8JsonReader(body.Span, ReaderOptions);
        Evaluation? evaluation;
        try
        {
            if (!reader.Read())
            {
                return ParseDocument(body);
            }

            evaluation = reader.TokenType == JsonTokenType.StartObject ? r.Root(ref reader) : r.NotAnObjectSkipped(ref reader);
            while (reader.Read())
            {
                // Nothing may follow the table but white space and comments: the reader throws on anything else.
            }
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }
        catch (InvalidOperationException)
        {
            // A string no reader can turn into text (a lone surrogate escape): the document path parses
            // the whole body first, so malformed JSON after it is still the error to give.
            EnsureWellFormed(body.Span);
            throw;
        }

        return r.Done(evaluation);
    }

    private static void EnsureWellFormed(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }
    }

    /// <summary>A property's name as unescaped UTF-8: the bytes as written, or (rarely) the text an escaped name spells.</summary>
    private static ReadOnlySpan<byte> NameOf(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;

    /// <summary>The value the reader stands on into <paramref name="slot"/> (a known field), or skipped past (an unknown one).</summary>
    private static void Take(ref JsonField slot, ref Utf8JsonReader reader, RepeatedTexts? texts)
    {
        if (Unsafe.IsNullRef(ref slot))
        {
            reader.Skip();
        }
        else
        {
            slot = Value(ref reader, texts);
        }
    }

    /// <summary>An object's known fields (the reader stands on its start; left on its end).</summary>
    private static TFields Fields<TFields>(ref Utf8JsonReader reader, RepeatedTexts? texts)
        where TFields : struct, IFieldSlots
    {
        var f = default(TFields);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadOnlySpan<byte> name = NameOf(ref reader);
            reader.Read();
            Take(ref f.Slot(name), ref reader, texts);
        }

        return f;
    }

    /// <summary>The kind of the value the reader stands on, which is then skipped past.</summary>
    private static JsonValueKind Skipped(ref Utf8JsonReader reader)
    {
        JsonValueKind kind = KindOf(reader.TokenType);
        reader.Skip();
        return kind;
    }

    private static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        JsonTokenType.Null => JsonValueKind.Null,
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        _ => throw new InvalidOperationException($"not a value token: {token}"),
    };

    /// <summary>The value the reader stands on, as a field; an object or array is skipped past (its kind is all a plain field needs).</summary>
    private static JsonField Value(ref Utf8JsonReader reader, RepeatedTexts? texts)
    {
        JsonField field = JsonField.Token(ref reader, texts);
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }

        return field;
    }

    private sealed partial class Reader
    {
        /// <summary>The body's repeated short strings, each made once (the streaming path only).</summary>
        public RepeatedTexts? Texts { get; init; }

        public Evaluation? NotAnObjectSkipped(ref Utf8JsonReader reader)
        {
            reader.Skip();
            return NotAnObject();
        }

        public Evaluation Root(ref Utf8JsonReader reader)
        {
            var fields = default(RootFields);
            Part<FundSection>? funds = null;
            Part<List<Indicator>>? indicators = null;
            Part<List<LevelWeight>>? levels = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                ReadOnlySpan<byte> name = NameOf(ref reader);
                reader.Read();
                if (name.SequenceEqual("indicators"u8))
                {
                    indicators = IndicatorsPart(ref reader);
                }
                else if (name.SequenceEqual("funds"u8))
                {
                    funds = FundsPart(ref reader);
                }
                else if (name.SequenceEqual("levelWeights"u8))
                {
                    levels = LevelWeightsPart(ref reader);
                }
                else
                {
                    // A plain field, or an unknown one (skipped).
                    Take(ref fields.Slot(name), ref reader, Texts);
                }
            }

            // A section never given is read as absent: the rules say what that means ("funds is required").
            return Evaluation(in fields, funds ?? FundsPart(JsonValueKind.Undefined), indicators ?? IndicatorsPart(JsonValueKind.Undefined), levels ?? LevelWeightsPart(JsonValueKind.Undefined));
        }

        private Part<FundSection> FundsPart(JsonValueKind kind)
        {
            List<InputError>? outer = Swap(null);
            FundSection funds = Funds(kind, default, default, default);
            return new(kind, funds, Swap(outer));
        }

        private Part<FundSection> FundsPart(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return FundsPart(Skipped(ref reader));
            }

            List<InputError>? outer = Swap(null);
            JsonField unit = default, weight = default;
            Part<List<FundLine>> lines = default;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                ReadOnlySpan<byte> name = NameOf(ref reader);
                reader.Read();
                if (name.SequenceEqual("lines"u8))
                {
                    lines = LinesPart(ref reader);
                }
                else if (name.SequenceEqual("unit"u8))
                {
                    unit = Value(ref reader, Texts);
                }
                else if (name.SequenceEqual("weight"u8))
                {
                    weight = Value(ref reader, Texts);
                }
                else
                {
                    reader.Skip();
                }
            }

            FundSection funds = Funds(JsonValueKind.Object, unit, weight, lines);
            return new(JsonValueKind.Object, funds, Swap(outer));
        }

        private Part<List<FundLine>> LinesPart(ref Utf8JsonReader reader)
        {
            List<InputError>? outer = Swap(null);
            var lines = new List<FundLine>();
            JsonValueKind kind = KindOf(reader.TokenType);
            if (!ArrayOrAbsent(kind, "funds.lines"))
            {
                reader.Skip();
                return new(kind, lines, Swap(outer));
            }

            int i = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                string path = $"funds.lines[{i}]";
                i++;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    NotAnObject(path);
                    continue;
                }

                var f = Fields<FundLineFields>(ref reader, Texts);

                lines.Add(FundLine(in f, path));
            }

            return new(kind, lines, Swap(outer));
        }

        private Part<List<Indicator>> IndicatorsPart(JsonValueKind kind)
        {
            List<InputError>? outer = Swap(null);
            IndicatorsGiven(kind);
            return new(kind, [], Swap(outer));
        }

        private Part<List<Indicator>> IndicatorsPart(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return IndicatorsPart(Skipped(ref reader));
            }

            List<InputError>? outer = Swap(null);
            var list = new List<Indicator>();
            int i = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                string path = IndicatorPath(i);
                i++;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    NotAnObject(path);
                    continue;
                }

                var f = Fields<IndicatorFields>(ref reader, Texts);

                list.Add(Indicator(in f, path));
            }

            return new(JsonValueKind.Array, list, Swap(outer));
        }

        private Part<List<LevelWeight>> LevelWeightsPart(JsonValueKind kind)
        {
            List<InputError>? outer = Swap(null);
            LevelWeightsGiven(kind);
            return new(kind, [], Swap(outer));
        }

        private Part<List<LevelWeight>> LevelWeightsPart(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return LevelWeightsPart(Skipped(ref reader));
            }

            List<InputError>? outer = Swap(null);
            var entries = new List<(string Name, JsonField Value)>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                entries.Add((name, Value(ref reader, Texts)));
            }

            LastOfEachName(entries);
            List<LevelWeight> list = LevelWeights(entries);
            return new(JsonValueKind.Object, list, Swap(outer));
        }

        /// <summary>Every entry takes the value of the last entry of its name, as <c>TryGetProperty(name)</c> would give it.</summary>
        private static void LastOfEachName(List<(string Name, JsonField Value)> entries)
        {
            if (entries.Count < 2)
            {
                return;
            }

            var last = new Dictionary<string, JsonField>(entries.Count, StringComparer.Ordinal);
            foreach ((string name, JsonField value) in entries)
            {
                last[name] = value;
            }

            if (last.Count == entries.Count)
            {
                return;
            }

            for (int i = 0; i < entries.Count; i++)
            {
                entries[i] = (entries[i].Name, last[entries[i].Name]);
            }
        }
    }
}
