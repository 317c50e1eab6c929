using System.Text;
using System.Text.Json;

namespace Assistant.Features.Evaluations;

/// <summary>
/// Refuses, before any reader sees them, JSON strings that cannot be stored or compared: a lone
/// surrogate escape (<c>"\ud800"</c>, which no reader can turn into a string) and a NUL character
/// (<c>"\u0000"</c>, which PostgreSQL's text and jsonb refuse). Each is a 400 naming the field by its
/// JSON path (<c>indicators[2].name</c>). Malformed JSON is left to the reader that reports it.
/// </summary>
public static class JsonTextGuard
{
    private const int MaxErrors = 20;

    public static void Check(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.IndexOf('\\', StringComparison.Ordinal) < 0 && json.IndexOf('\0', StringComparison.Ordinal) < 0)
        {
            return;
        }

        Scan(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>
    /// The same check on the body as received (valid UTF-8): a backslash or a NUL byte is only ever
    /// that ASCII character in UTF-8, so the bodies it lets through unread are the ones <see cref="Check(string)"/> does.
    /// </summary>
    public static void Check(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IndexOfAny((byte)'\\', (byte)0) < 0)
        {
            return;
        }

        Scan(utf8);
    }

    private static void Scan(ReadOnlySpan<byte> utf8)
    {
        var errors = new List<InputError>();
        var path = new List<(string? Name, int Index)>();
        string? pendingName = null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 64,
        });
        try
        {
            while (reader.Read() && errors.Count < MaxErrors)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingName = Inspect(ref reader, Where(path, null), errors) ?? "?";
                        continue;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Advance(path);
                        path.Add((pendingName, reader.TokenType == JsonTokenType.StartArray ? -1 : -2));
                        pendingName = null;
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        continue;
                    case JsonTokenType.String:
                        Advance(path);
                        Inspect(ref reader, Where(path, pendingName), errors);
                        break;
                    default:
                        Advance(path);
                        break;
                }

                pendingName = null;
            }
        }
        catch (JsonException)
        {
            // The body's own reader names the syntax error.
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
    }

    private static string? Inspect(ref Utf8JsonReader reader, string where, List<InputError> errors)
    {
        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            errors.Add(new InputError(Field(where), "含有无效的 Unicode 代理字符（如单独的 \\ud800）", "contains an invalid Unicode surrogate (such as a lone \\ud800)"));
            return null;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(new InputError(Field(where), "含有空字符（\\u0000），无法保存", "contains a NUL character (\\u0000), which cannot be stored"));
        }

        return value;
    }

    /// <summary>Counts an element of the enclosing array (index -1 before the first).</summary>
    private static void Advance(List<(string? Name, int Index)> path)
    {
        if (path.Count > 0 && path[^1].Index >= -1)
        {
            path[^1] = (path[^1].Name, path[^1].Index + 1);
        }
    }

    private static string Where(List<(string? Name, int Index)> path, string? leaf)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < path.Count; i++)
        {
            if (path[i].Name is { } name)
            {
                sb.Append(sb.Length > 0 ? "." : string.Empty).Append(name);
            }

            if (path[i].Index >= 0)
            {
                sb.Append('[').Append(path[i].Index).Append(']');
            }
        }

        if (leaf is not null)
        {
            sb.Append(sb.Length > 0 ? "." : string.Empty).Append(leaf);
        }

        return sb.ToString();
    }

    private static string Field(string where) => where.Length == 0 ? "body" : Clip(where);

    private static string Clip(string s) => s.Length > 80 ? s[..80] + "…" : s;
}
