using System.Diagnostics;

namespace Assistant.Api.Tests;

/// <summary>
/// Renders an exported document the way a person would see it: LibreOffice converts it to PDF (its own
/// profile folder, so conversions never share a lock), poppler renders pages to PNG and extracts the text.
/// The pictures are kept in artifacts/report-rendering/. scripts/office-up provisions the tools and maps
/// the official fonts.
/// </summary>
public static class DocumentRendering
{
    public static string ArtifactDir { get; } = Directory.CreateDirectory(Path.Combine(Assistant.Testing.RepoPaths.Repo, "artifacts", "report-rendering")).FullName;

    /// <summary>Converts <paramref name="document"/> (kept under <paramref name="name"/>) to PDF; returns the PDF's path.</summary>
    public static async Task<string> ToPdfAsync(byte[] document, string name, string extension)
    {
        string work = Directory.CreateTempSubdirectory("render-").FullName;
        string source = Path.Combine(ArtifactDir, name + extension);
        await File.WriteAllBytesAsync(source, document);
        string input = Path.Combine(work, name + extension);
        File.Copy(source, input);
        string profile = new Uri(Path.Combine(work, "profile")).AbsoluteUri;
        await RunAsync("soffice", $"-env:UserInstallation={profile} --headless --convert-to pdf --outdir \"{work}\" \"{input}\"", TimeSpan.FromMinutes(2));
        string pdf = Path.Combine(work, name + ".pdf");
        Assert.True(File.Exists(pdf), $"LibreOffice did not convert {name}{extension}");
        string kept = Path.Combine(ArtifactDir, name + ".pdf");
        File.Copy(pdf, kept, overwrite: true);
        Directory.Delete(work, recursive: true);
        return kept;
    }

    public static async Task<int> PagesAsync(string pdf)
    {
        string info = await RunAsync("pdfinfo", $"\"{pdf}\"", TimeSpan.FromSeconds(30));
        string line = info.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The text of one page (1-based), or of all pages; raw keeps the content order (a table cell's lines together).</summary>
    public static Task<string> TextAsync(string pdf, int? page = null, bool raw = false) =>
        RunAsync("pdftotext", (raw ? "-raw " : string.Empty) + (page is { } p ? $"-f {p} -l {p} \"{pdf}\" -" : $"\"{pdf}\" -"), TimeSpan.FromSeconds(30));

    /// <summary>Renders one page to artifacts/report-rendering/NAME.png; returns the path.</summary>
    public static async Task<string> PageToPngAsync(string pdf, int page, string name)
    {
        string prefix = Path.Combine(ArtifactDir, name);
        await RunAsync("pdftoppm", $"-png -r 80 -singlefile -f {page} -l {page} \"{pdf}\" \"{prefix}\"", TimeSpan.FromSeconds(60));
        string png = prefix + ".png";
        Assert.True(new FileInfo(png).Length > 10_000, $"{png} is empty");
        return png;
    }

    private static async Task<string> RunAsync(string file, string arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in {timeout}");
        }

        Assert.True(process.ExitCode == 0, $"{file} {arguments} exited {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
