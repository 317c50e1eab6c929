using System.Text;
using System.Text.Json;
using Assistant.Domain.Evaluations;

namespace Assistant.Features.Evaluations;

/// <summary>
/// Reads <c>assistant.evaluation/v1</c>. Numbers may be JSON strings or numbers; either way the text
/// as written is kept, so <c>"2700.00"</c> and <c>2700.00</c> both carry two decimals. Every problem
/// is collected with the field at fault; unknown fields are ignored (the contract only grows).
/// Two ways in, one set of rules (<c>EvaluationJson.Fields.cs</c>): a body is read by a
/// <see cref="Utf8JsonReader"/> straight into the table (<c>EvaluationJson.Stream.cs</c>, no document
/// built); an element already parsed is read through the document (<see cref="Read"/>). Both give the
/// same table and the same errors in the same order.
/// </summary>
public static partial class EvaluationJson
{
    [System.Text.RegularExpressions.GeneratedRegex(@"[0-9][0-9,]*(?:\.[0-9]+)?")]
    private static partial System.Text.RegularExpressions.Regex NumberRun();

    /// <summary>Longest text cell accepted.</summary>
    public const int MaxTextLength = 20_000;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Evaluation Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException)
        {
            // A lone surrogate in the text: whatever the document makes of it.
            return ParseDocument(json);
        }

        return Parse(utf8);
    }

    /// <summary>Reads the table from UTF-8 as received (no string of the whole body, no document); same table and errors as <see cref="ParseDocument(ReadOnlyMemory{byte})"/>.</summary>
    public static Evaluation Parse(ReadOnlyMemory<byte> utf8) => Stream(utf8);

    /// <summary>Through a <see cref="JsonDocument"/> and <see cref="Read"/>: how every body was read before session 28; kept as the reference the streaming reader is tested against.</summary>
    public static Evaluation ParseDocument(ReadOnlyMemory<byte> utf8) => ReadDocument(() => JsonDocument.Parse(utf8, DocumentOptions));

    private static Evaluation ParseDocument(string json) => ReadDocument(() => JsonDocument.Parse(json, DocumentOptions));

    private static Evaluation ReadDocument(Func<JsonDocument> parse)
    {
        JsonDocument doc;
        try
        {
            doc = parse();
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
        if (ex.Message.Contains("maximum", StringComparison.OrdinalIgnoreCase) && ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            return new InputException("body", $"JSON嵌套层数超过{ReaderOptions.MaxDepth}层（数组或对象套得太深）", $"the JSON is nested deeper than {ReaderOptions.MaxDepth} levels (arrays or objects inside each other)");
        }

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

    /// <summary>
    /// <c>indicators[i]</c>: every row carries its path (its errors name it), so each index's is made once and
    /// kept (a race makes the same text twice, harmlessly); rows past the kept ones make theirs.
    /// </summary>
    private static string IndicatorPath(int i) =>
        i < IndicatorPaths.Length ? IndicatorPaths[i] ??= $"indicators[{i}]" : $"indicators[{i}]";

    private static readonly string?[] IndicatorPaths = new string?[512];

    public static Evaluation Read(JsonElement root)
    {
        var r = new Reader();
        Evaluation? evaluation = root.ValueKind == JsonValueKind.Object ? r.Root(root) : r.NotAnObject();
        return r.Done(evaluation);
    }

    /// <summary>The document path: each field as <c>TryGetProperty</c> finds it (the last of duplicates), each section read on its own.</summary>
    private sealed partial class Reader
    {
        public Evaluation Root(JsonElement root)
        {
            var fields = RootFields.Of(root);
            return Evaluation(in fields, FundsPart(JsonField.Of(root, "funds"), root), IndicatorsPart(JsonField.Of(root, "indicators"), root), LevelWeightsPart(JsonField.Of(root, "levelWeights"), root));
        }

        private Part<FundSection> FundsPart(JsonField kind, JsonElement root)
        {
            List<InputError>? outer = Swap(null);
            FundSection funds;
            if (kind.Kind == JsonValueKind.Object)
            {
                JsonElement f = root.GetProperty("funds");
                funds = Funds(JsonValueKind.Object, JsonField.Of(f, "unit"), JsonField.Of(f, "weight"), LinesPart(JsonField.Of(f, "lines"), f));
            }
            else
            {
                funds = Funds(kind.Kind, default, default, default);
            }

            return new(kind.Kind, funds, Swap(outer));
        }

        private Part<List<FundLine>> LinesPart(JsonField kind, JsonElement funds)
        {
            List<InputError>? outer = Swap(null);
            var lines = new List<FundLine>();
            if (ArrayOrAbsent(kind.Kind, "funds.lines"))
            {
                int i = 0;
                foreach (JsonElement l in funds.GetProperty("lines").EnumerateArray())
                {
                    string path = $"funds.lines[{i}]";
                    i++;
                    if (l.ValueKind != JsonValueKind.Object)
                    {
                        NotAnObject(path);
                        continue;
                    }

                    var f = FundLineFields.Of(l);
                    lines.Add(FundLine(in f, path));
                }
            }

            return new(kind.Kind, lines, Swap(outer));
        }

        private Part<List<Indicator>> IndicatorsPart(JsonField kind, JsonElement root)
        {
            List<InputError>? outer = Swap(null);
            var list = new List<Indicator>();
            if (IndicatorsGiven(kind.Kind))
            {
                int i = 0;
                foreach (JsonElement el in root.GetProperty("indicators").EnumerateArray())
                {
                    string path = IndicatorPath(i);
                    i++;
                    if (el.ValueKind != JsonValueKind.Object)
                    {
                        NotAnObject(path);
                        continue;
                    }

                    // One pass over the row's fields (not a search per field).
                    var f = IndicatorFields.Of(el);
                    list.Add(Indicator(in f, path));
                }
            }

            return new(kind.Kind, list, Swap(outer));
        }

        private Part<List<LevelWeight>> LevelWeightsPart(JsonField kind, JsonElement root)
        {
            List<InputError>? outer = Swap(null);
            List<LevelWeight> list = [];
            if (LevelWeightsGiven(kind.Kind))
            {
                JsonElement lw = root.GetProperty("levelWeights");
                var entries = new List<(string Name, JsonField Value)>();
                foreach (JsonProperty p in lw.EnumerateObject())
                {
                    // Each name's value as TryGetProperty finds it: a name given twice gives its last value twice.
                    entries.Add((p.Name, JsonField.Of(lw, p.Name)));
                }

                list = LevelWeights(entries);
            }

            return new(kind.Kind, list, Swap(outer));
        }
    }
}
