using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Assistant.Features.Evaluations;

/// <summary>
/// A field present with the wrong JSON type is said to be so — "text应为字符串，收到数字" — not called missing.
/// Names the JSON kinds in both languages and turns the serializer's conversion errors into that message.
/// </summary>
public static partial class JsonTypes
{
    /// <summary>The kind of a JSON value in Chinese and English (数字 / a number…).</summary>
    public static (string Zh, string En) Name(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => ("字符串", "a string"),
        JsonValueKind.Number => ("数字", "a number"),
        JsonValueKind.True or JsonValueKind.False => ("true/false", "true/false"),
        JsonValueKind.Object => ("对象", "an object"),
        JsonValueKind.Array => ("数组", "an array"),
        JsonValueKind.Null => ("null", "null"),
        _ => ("空值", "nothing"),
    };

    /// <summary>The error for <paramref name="field"/>: missing (absent or null) or present with the wrong kind.</summary>
    public static InputError Wrong(string field, JsonValueKind received, string expectedZh, string expectedEn)
    {
        if (received is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return new InputError(field, $"缺少{field}（{expectedZh}）", $"{field} ({expectedEn}) is required");
        }

        (string zh, string en) = Name(received);
        return new InputError(field, $"{field}应为{expectedZh}，收到的是{zh}", $"{field} must be {expectedEn}; received {en}");
    }

    /// <summary>
    /// The error of a body the serializer refused: at its path, the kind expected (from the serializer's message) and
    /// the kind received (read from <paramref name="body"/> when given); plain "not valid JSON" when it has no path.
    /// </summary>
    public static InputError Error(JsonException e, string? body, Type? root = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        string field = e.Path is { Length: > 2 } p ? p.TrimStart('$', '.') : "body";
        Match m = ConvertedTo().Match(e.Message);
        if (field == "body" || !m.Success)
        {
            return new InputError(field, "请求体不是有效的JSON，或字段类型不对。", "The body is not valid JSON, or a field has the wrong type.");
        }

        // The serializer names the record a constructor parameter belongs to, not the parameter's type: read it from the body's type.
        (string zh, string en) = Expected(PropertyType(root, e.Path!)?.ToString() ?? m.Groups["type"].Value);
        JsonValueKind received = body is null ? JsonValueKind.Undefined : KindAt(body, e.Path!);
        if (received == JsonValueKind.Undefined)
        {
            return new InputError(field, $"{field}的类型不对，应为{zh}", $"{field} has the wrong type; it must be {en}");
        }

        (string rzh, string ren) = Name(received);
        return new InputError(field, $"{field}应为{zh}，收到的是{rzh}", $"{field} must be {en}; received {ren}");
    }

    private static (string Zh, string En) Expected(string type)
    {
        string t = type.Replace("System.", string.Empty, StringComparison.Ordinal);
        if (t.StartsWith("Nullable`1[", StringComparison.Ordinal))
        {
            t = t["Nullable`1[".Length..].TrimEnd(']');
        }

        return t switch
        {
            "String" => ("字符串", "a string"),
            "Int32" or "Int64" or "Int16" => ("整数", "a whole number"),
            "Decimal" or "Double" or "Single" => ("数字", "a number"),
            "Boolean" => ("true 或 false", "true or false"),
            "Guid" => ("编号（GUID字符串）", "an id (a GUID string)"),
            "DateTimeOffset" or "DateTime" => ("日期时间字符串", "a date-time string"),
            _ when t.Contains("List`1", StringComparison.Ordinal) || t.EndsWith("[]", StringComparison.Ordinal) || t.Contains("IReadOnlyList", StringComparison.Ordinal) => ("数组", "an array"),
            _ when t.Contains("Dictionary", StringComparison.Ordinal) => ("对象", "an object"),
            _ => ("对象", "an object"),
        };
    }

    /// <summary>The type of the property a serializer path (<c>$.content</c>, <c>$.items[0].text</c>) ends at, from the body's type; null when not found.</summary>
    private static Type? PropertyType(Type? root, string path)
    {
        Type? type = root;
        foreach (Match step in PathStep().Matches(path))
        {
            if (type is null)
            {
                return null;
            }

            if (step.Groups["index"].Success)
            {
                type = type.IsArray ? type.GetElementType() : type.IsGenericType ? type.GetGenericArguments()[^1] : null;
                continue;
            }

            string name = step.Groups["name"].Success ? step.Groups["name"].Value : step.Groups["quoted"].Value;
            type = type.GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType;
        }

        return type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
    }

    /// <summary>The kind of the value at a serializer path such as <c>$.items[2].text</c>, or Undefined.</summary>
    private static JsonValueKind KindAt(string body, string path)
    {
        try
        {
            JsonNode? node = JsonNode.Parse(body);
            foreach (Match step in PathStep().Matches(path))
            {
                if (node is null)
                {
                    return JsonValueKind.Undefined;
                }

                node = step.Groups["index"].Success
                    ? node is JsonArray a && int.TryParse(step.Groups["index"].ValueSpan, out int i) && i < a.Count ? a[i] : null
                    : node is JsonObject o && o.TryGetPropertyValue(step.Groups["name"].Success ? step.Groups["name"].Value : step.Groups["quoted"].Value, out JsonNode? v) ? v : null;
            }

            return node?.GetValueKind() ?? JsonValueKind.Null;
        }
        catch (JsonException)
        {
            return JsonValueKind.Undefined;
        }
    }

    [GeneratedRegex(@"could not be converted to (?<type>[^.\s][^\s]*?)\. Path")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"\.(?<name>[A-Za-z_][A-Za-z0-9_]*)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();
}
