using System.Globalization;
using Assistant.Domain.Importing;
using Assistant.Domain.Numbers;

namespace Assistant.Features.Importing;

/// <summary>Prints a spreadsheet number the way its display format shows it, which is the precision the table claims.</summary>
public static class NumberFormats
{
    public static string BuiltIn(uint id) => id switch
    {
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        9 => "0%",
        10 => "0.00%",
        11 => "0.00E+00",
        >= 14 and <= 22 => "date",
        37 or 38 => "#,##0 ;(#,##0)",
        39 or 40 => "#,##0.00;(#,##0.00)",
        48 => "##0.0E+0",
        49 => "@",
        _ => "General",
    };

    /// <summary>The value as printed, and a note when its printed precision had to be inferred.</summary>
    public static (string Text, ImportNote? Note) Print(decimal value, string format)
    {
        string section = format.Split(';')[0];
        string body = StripLiterals(section);
        if (section == "date" || (!body.Contains("General", StringComparison.OrdinalIgnoreCase) && body.Any(c => c is 'y' or 'Y' or 'd' or 'D' or 'h' or 'H')))
        {
            return (PrintedNumber.FormatTrimmed(value), new ImportNote("日期格式的数字按数值读取", "a date-formatted number read as its value"));
        }

        if (body.Contains("General", StringComparison.OrdinalIgnoreCase) || body == "@" || !body.Any(c => c is '0' or '#'))
        {
            return General(value);
        }

        bool percent = body.Contains('%');
        int dot = body.IndexOf('.');
        int decimals = 0;
        if (dot >= 0)
        {
            for (int i = dot + 1; i < body.Length && body[i] is '0' or '#'; i++)
            {
                decimals++;
            }
        }

        decimal shown = percent ? value * 100m : value;
        string text = PrintedNumber.Format(shown, decimals);
        return (percent ? text + "%" : text, null);
    }

    /// <summary>Excel's General format shows up to 11 significant digits; binary noise (0.80799999999) is rounded away and noted.</summary>
    private static (string Text, ImportNote? Note) General(decimal value)
    {
        decimal rounded = decimal.Round(value, 10, MidpointRounding.AwayFromZero);
        string text = PrintedNumber.FormatTrimmed(rounded);
        if (rounded != value)
        {
            return (text, new ImportNote($"数字没有显示格式，按{text}读取，小数位为推测", $"the number has no display format; read as {text}, its precision inferred"));
        }

        return (text, null);
    }

    private static string StripLiterals(string format)
    {
        var sb = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c == '"')
            {
                quoted = !quoted;
                continue;
            }

            if (quoted)
            {
                continue;
            }

            if (c == '\\' || c == '_' || c == '*')
            {
                i++;
                continue;
            }

            if (c == '[')
            {
                int end = format.IndexOf(']', i);
                i = end < 0 ? format.Length : end;
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

}
