using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Assistant.Features.Evaluations;

/// <summary>
/// The fields of one indicator row, found in one pass over the object instead of a search of the
/// object per field (eleven searches, each transcoding the name and walking the properties). A field
/// given twice takes its last value, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>
/// does; an absent field is missing. Unknown fields are ignored. Filled from a document's element
/// (<see cref="Of"/>) or field by field by the streaming reader (<see cref="Slot"/>).
/// </summary>
internal struct IndicatorFields : IFieldSlots
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
                raw = System.Text.Encoding.UTF8.GetBytes(p.Name);
            }

            ref JsonField slot = ref f.Slot(raw);
            if (!Unsafe.IsNullRef(ref slot))
            {
                slot = JsonField.Of(p.Value);
            }
        }

        return f;
    }

    /// <summary>The field named <paramref name="name"/> (unescaped UTF-8), or a null reference for an unknown name.</summary>
    [UnscopedRef]
    public ref JsonField Slot(ReadOnlySpan<byte> name)
    {
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("id"u8): return ref Id;
            case 4 when name.SequenceEqual("name"u8): return ref Name;
            case 4 when name.SequenceEqual("unit"u8): return ref Unit;
            case 5 when name.SequenceEqual("grade"u8): return ref Grade;
            case 6 when name.SequenceEqual("level1"u8): return ref Level1;
            case 6 when name.SequenceEqual("level2"u8): return ref Level2;
            case 6 when name.SequenceEqual("target"u8): return ref Target;
            case 6 when name.SequenceEqual("actual"u8): return ref Actual;
            case 6 when name.SequenceEqual("weight"u8): return ref Weight;
            case 12 when name.SequenceEqual("printedScore"u8): return ref PrintedScore;
            case 13 when name.SequenceEqual("deviationNote"u8): return ref DeviationNote;
            default: return ref Unsafe.NullRef<JsonField>();
        }
    }
}

/// <summary>The fields of one fund line (<c>funds.lines[i]</c>), the last of duplicates.</summary>
internal struct FundLineFields : IFieldSlots
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

    [UnscopedRef]
    public ref JsonField Slot(ReadOnlySpan<byte> name)
    {
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("id"u8): return ref Id;
            case 4 when name.SequenceEqual("name"u8): return ref Name;
            case 6 when name.SequenceEqual("parent"u8): return ref Parent;
            case 6 when name.SequenceEqual("budget"u8): return ref Budget;
            case 8 when name.SequenceEqual("executed"u8): return ref Executed;
            case 11 when name.SequenceEqual("printedRate"u8): return ref PrintedRate;
            case 12 when name.SequenceEqual("printedScore"u8): return ref PrintedScore;
            case 13 when name.SequenceEqual("initialBudget"u8): return ref InitialBudget;
            case 13 when name.SequenceEqual("deviationNote"u8): return ref DeviationNote;
            default: return ref Unsafe.NullRef<JsonField>();
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

    [UnscopedRef]
    public ref JsonField Slot(ReadOnlySpan<byte> name)
    {
        switch (name.Length)
        {
            case 4 when name.SequenceEqual("kind"u8): return ref Kind;
            case 4 when name.SequenceEqual("year"u8): return ref Year;
            case 5 when name.SequenceEqual("title"u8): return ref Title;
            case 6 when name.SequenceEqual("region"u8): return ref Region;
            case 10 when name.SequenceEqual("department"u8): return ref Department;
            case 11 when name.SequenceEqual("implementer"u8): return ref Implementer;
            case 12 when name.SequenceEqual("printedTotal"u8): return ref PrintedTotal;
            case 18 when name.SequenceEqual("printedWeightTotal"u8): return ref PrintedWeightTotal;
            default: return ref Unsafe.NullRef<JsonField>();
        }
    }
}

/// <summary>A section read on its own (its value, its kind as given, the errors it found, in order), so a section given twice is replaced whole and errors still come in the fixed field order.</summary>
internal readonly record struct Part<T>(JsonValueKind Kind, T Value, List<InputError>? Errors);

/// <summary>A set of named fields the streaming reader fills by name.</summary>
internal interface IFieldSlots
{
    /// <summary>The field named <paramref name="name"/> (unescaped UTF-8), or a null reference for an unknown name.</summary>
    [UnscopedRef]
    ref JsonField Slot(ReadOnlySpan<byte> name);
}
