using System.Runtime.InteropServices;
using System.Text.Json;

namespace Assistant.Features.Evaluations;

/// <summary>
/// The fields of one indicator row, found in one pass over the object instead of a search of the
/// object per field (eleven searches, each transcoding the name and walking the properties). A field
/// given twice takes its last value, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>
/// does; an absent field is missing. Unknown fields are ignored. Filled from a document's element
/// (<see cref="Of"/>) or field by field by the streaming reader (<see cref="Set"/>).
/// </summary>
internal struct IndicatorFields
{
    public JsonField Id, Level1, Level2, Name, Unit, Target, Actual, Weight, PrintedScore, DeviationNote, Grade;

    public static IndicatorFields Of(JsonElement obj)
    {
        var f = default(IndicatorFields);
        foreach (JsonProperty p in obj.EnumerateObject())
        {
            ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8PropertyName(p);
            if (raw.IndexOf((byte)'\\') >= 0)
            {
                // An escaped name (\u006eame): compared as the text it stands for.
                f.Set(System.Text.Encoding.UTF8.GetBytes(p.Name), JsonField.Of(p.Value));
            }
            else
            {
                f.Set(raw, JsonField.Of(p.Value));
            }
        }

        return f;
    }

    /// <summary>Takes <paramref name="value"/> when <paramref name="name"/> (unescaped UTF-8) is one of the row's fields; false for an unknown field.</summary>
    public bool Set(ReadOnlySpan<byte> name, JsonField value)
    {
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("id"u8): Id = value; return true;
            case 4 when name.SequenceEqual("name"u8): Name = value; return true;
            case 4 when name.SequenceEqual("unit"u8): Unit = value; return true;
            case 5 when name.SequenceEqual("grade"u8): Grade = value; return true;
            case 6 when name.SequenceEqual("level1"u8): Level1 = value; return true;
            case 6 when name.SequenceEqual("level2"u8): Level2 = value; return true;
            case 6 when name.SequenceEqual("target"u8): Target = value; return true;
            case 6 when name.SequenceEqual("actual"u8): Actual = value; return true;
            case 6 when name.SequenceEqual("weight"u8): Weight = value; return true;
            case 12 when name.SequenceEqual("printedScore"u8): PrintedScore = value; return true;
            case 13 when name.SequenceEqual("deviationNote"u8): DeviationNote = value; return true;
            default: return false;
        }
    }
}

/// <summary>The fields of one fund line (<c>funds.lines[i]</c>), the last of duplicates.</summary>
internal struct FundLineFields
{
    public JsonField Id, Name, Parent, InitialBudget, Budget, Executed, PrintedRate, PrintedScore, DeviationNote;

    /// <summary>As the document path has always read a line: one <c>TryGetProperty</c> per field.</summary>
    public static FundLineFields Of(JsonElement obj) => new()
    {
        Id = JsonField.Of(obj, "id"),
        Name = JsonField.Of(obj, "name"),
        Parent = JsonField.Of(obj, "parent"),
        InitialBudget = JsonField.Of(obj, "initialBudget"),
        Budget = JsonField.Of(obj, "budget"),
        Executed = JsonField.Of(obj, "executed"),
        PrintedRate = JsonField.Of(obj, "printedRate"),
        PrintedScore = JsonField.Of(obj, "printedScore"),
        DeviationNote = JsonField.Of(obj, "deviationNote"),
    };

    public bool Set(ReadOnlySpan<byte> name, JsonField value)
    {
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("id"u8): Id = value; return true;
            case 4 when name.SequenceEqual("name"u8): Name = value; return true;
            case 6 when name.SequenceEqual("parent"u8): Parent = value; return true;
            case 6 when name.SequenceEqual("budget"u8): Budget = value; return true;
            case 8 when name.SequenceEqual("executed"u8): Executed = value; return true;
            case 11 when name.SequenceEqual("printedRate"u8): PrintedRate = value; return true;
            case 12 when name.SequenceEqual("printedScore"u8): PrintedScore = value; return true;
            case 13 when name.SequenceEqual("initialBudget"u8): InitialBudget = value; return true;
            case 13 when name.SequenceEqual("deviationNote"u8): DeviationNote = value; return true;
            default: return false;
        }
    }
}

/// <summary>The top level's plain fields (the three sections — funds, indicators, levelWeights — are read as parts).</summary>
internal struct RootFields
{
    public JsonField Kind, Title, Year, Region, Department, Implementer, PrintedWeightTotal, PrintedTotal;

    public static RootFields Of(JsonElement root) => new()
    {
        Kind = JsonField.Of(root, "kind"),
        Title = JsonField.Of(root, "title"),
        Year = JsonField.Of(root, "year"),
        Region = JsonField.Of(root, "region"),
        Department = JsonField.Of(root, "department"),
        Implementer = JsonField.Of(root, "implementer"),
        PrintedWeightTotal = JsonField.Of(root, "printedWeightTotal"),
        PrintedTotal = JsonField.Of(root, "printedTotal"),
    };

    public bool Set(ReadOnlySpan<byte> name, JsonField value)
    {
        switch (name.Length)
        {
            case 4 when name.SequenceEqual("kind"u8): Kind = value; return true;
            case 4 when name.SequenceEqual("year"u8): Year = value; return true;
            case 5 when name.SequenceEqual("title"u8): Title = value; return true;
            case 6 when name.SequenceEqual("region"u8): Region = value; return true;
            case 10 when name.SequenceEqual("department"u8): Department = value; return true;
            case 11 when name.SequenceEqual("implementer"u8): Implementer = value; return true;
            case 12 when name.SequenceEqual("printedTotal"u8): PrintedTotal = value; return true;
            case 18 when name.SequenceEqual("printedWeightTotal"u8): PrintedWeightTotal = value; return true;
            default: return false;
        }
    }
}

/// <summary>A section read on its own (its value, its kind as given, the errors it found, in order), so a section given twice is replaced whole and errors still come in the fixed field order.</summary>
internal readonly record struct Part<T>(JsonValueKind Kind, T Value, List<InputError>? Errors);
