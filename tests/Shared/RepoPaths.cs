namespace Assistant.Testing;

/// <summary>
/// The project root (where Assistant.sln is) and ../shared beside it, found from the working folder
/// or the binary's folder; ASSISTANT_SHARED overrides the shared folder. Linked into the test
/// projects and the eval runner, so the lookup lives in one place.
/// </summary>
internal static class RepoPaths
{
    public static string Repo { get; } = FindRepo();

    public static string Shared { get; } =
        Environment.GetEnvironmentVariable("ASSISTANT_SHARED") is { Length: > 0 } env
            ? env
            : Path.GetFullPath(Path.Combine(Repo, "..", "shared"));

    public static string Reference(string name) => Path.Combine(Shared, "reference", name + ".json");

    private static string FindRepo()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Assistant.sln")))
                {
                    return d.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Assistant.sln not found above " + AppContext.BaseDirectory);
    }
}
