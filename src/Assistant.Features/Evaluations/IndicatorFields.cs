using System.Runtime.InteropServices;
using System.Text.Json;

namespace Assistant.Features.Evaluations;

/// <summary>
/// The fields of one indicator row, found in one pass over the object instead of a search of the
/// object per field (eleven searches, each transcoding the name and walking the properties). A field
/// given twice takes its last value, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>
/// does; an absent field is an undefined element. Unknown fields are ignored.
/// </summary>
internal struct IndicatorFields
{
    public JsonElement Id, Level1, Level2, Name, Unit, Target, Actual, Weight, PrintedScore, DeviationNote, Grade;

    public static IndicatorFields Of(JsonElement obj)
    {
        var f = default(IndicatorFields);
        foreach (JsonProperty p in obj.EnumerateObject())
        {
            ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8PropertyName(p);
            if (raw.IndexOf((byte)'\\') >= 0)
            {
                // An escaped name (\u006eame): compared as the text it stands for.
                f.Set(System.Text.Encoding.UTF8.GetBytes(p.Name), p.Value);
            }
            else
            {
                f.Set(raw, p.Value);
            }
        }

        return f;
    }

    private void Set(ReadOnlySpan<byte> name, JsonElement value)
    {
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("id"u8): Id = value; break;
            case 4 when name.SequenceEqual("name"u8): Name = value; break;
            case 4 when name.SequenceEqual("unit"u8): Unit = value; break;
            case 5 when name.SequenceEqual("grade"u8): Grade = value; break;
            case 6 when name.SequenceEqual("level1"u8): Level1 = value; break;
            case 6 when name.SequenceEqual("level2"u8): Level2 = value; break;
            case 6 when name.SequenceEqual("target"u8): Target = value; break;
            case 6 when name.SequenceEqual("actual"u8): Actual = value; break;
            case 6 when name.SequenceEqual("weight"u8): Weight = value; break;
            case 12 when name.SequenceEqual("printedScore"u8): PrintedScore = value; break;
            case 13 when name.SequenceEqual("deviationNote"u8): DeviationNote = value; break;
        }
    }
}
