namespace Assistant.Api.Infrastructure;

/// <summary>The shape of an issued key, <c>ak_PREFIX_SECRET</c> in ASCII letters and digits, checked before any lookup.</summary>
internal static class ApiKeyFormat
{
    public static bool IsWellFormed(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        if (presented.Length is < 8 or > 200 || !presented.StartsWith("ak_", StringComparison.Ordinal))
        {
            return false;
        }

        string[] parts = presented.Split('_');
        return parts.Length == 3 && parts[1].Length is > 0 and <= 32 && parts[2].Length > 0
            && parts[1].All(char.IsAsciiLetterOrDigit) && parts[2].All(char.IsAsciiLetterOrDigit);
    }
}
