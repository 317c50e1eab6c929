using System.Reflection;

namespace Assistant.Api.Page;

/// <summary>
/// The staff page at <c>/</c>: three embedded files (HTML, script, style) that use only the public API.
/// Served with a strict Content-Security-Policy (no inline script, no other origin), so even text that
/// slipped into the page as markup could not run.
/// </summary>
public static class StaffPage
{
    public const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly (string Path, string Resource, string Type)[] Files =
    [
        ("/", "page/index.html", "text/html; charset=utf-8"),
        ("/app.js", "page/app.js", "text/javascript; charset=utf-8"),
        ("/app.css", "page/app.css", "text/css; charset=utf-8"),
        ("/import.js", "page/import.js", "text/javascript; charset=utf-8"),
        ("/report.js", "page/report.js", "text/javascript; charset=utf-8"),
        ("/report.css", "page/report.css", "text/css; charset=utf-8"),
        ("/review.html", "page/review.html", "text/html; charset=utf-8"),
        ("/review.js", "page/review.js", "text/javascript; charset=utf-8"),
        ("/review.css", "page/review.css", "text/css; charset=utf-8"),
        ("/batch.js", "page/batch.js", "text/javascript; charset=utf-8"),
        ("/jobs.js", "page/jobs.js", "text/javascript; charset=utf-8"),
    ];

    public static void MapStaffPage(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var (path, resource, type) in Files)
        {
            byte[] content = Read(resource);
            app.MapGet(path, (HttpContext http) =>
            {
                http.Response.Headers["Content-Security-Policy"] = Policy;
                http.Response.Headers["X-Content-Type-Options"] = "nosniff";
                http.Response.Headers["Referrer-Policy"] = "no-referrer";
                http.Response.Headers.CacheControl = "no-cache";
                return Results.Bytes(content, type);
            }).ExcludeFromDescription();
        }
    }

    private static byte[] Read(string resource)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The page file {resource} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
