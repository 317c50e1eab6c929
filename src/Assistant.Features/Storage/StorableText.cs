using System.Text;

namespace Assistant.Features.Storage;

/// <summary>
/// Text that PostgreSQL can store: no NUL (text and jsonb refuse it) and no lone surrogate (not valid
/// UTF-8). Used for what comes from files and form fields, where a 400 would refuse a whole report for
/// one stray character; JSON bodies are refused instead (<see cref="Evaluations.JsonTextGuard"/>).
/// </summary>
public static class StorableText
{
    public static bool IsClean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text without NULs, with each lone surrogate replaced by U+FFFD.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsClean(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\0')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else
            {
                sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return sb.ToString();
    }

    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);
}
