using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Assistant.Features.Drafting;

/// <summary>A prompt file: front matter (name, version, inputs, model settings, system message) and a template.</summary>
public sealed partial record PromptTemplate(
    string Name,
    string Version,
    string Description,
    IReadOnlyList<string> Inputs,
    float? Temperature,
    int? MaxOutputTokens,
    string System,
    string Template)
{
    /// <summary>name@version, as drafts record it.</summary>
    public string Id => $"{Name}@{Version}";

    /// <summary>Parses one file; every placeholder must be a declared input.</summary>
    public static PromptTemplate Parse(string fileName, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        string text = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Prompt {fileName}: missing front matter (a first line '---').");
        }

        int end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidOperationException($"Prompt {fileName}: front matter is not closed by a line '---'.");
        }

        FrontMatter front = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build()
            .Deserialize<FrontMatter>(text[4..end]) ?? new FrontMatter();
        string template = text[(end + 5)..].TrimEnd('\n') + "\n";

        if (string.IsNullOrWhiteSpace(front.Name) || string.IsNullOrWhiteSpace(front.Version))
        {
            throw new InvalidOperationException($"Prompt {fileName}: front matter needs 'name' and 'version'.");
        }

        var inputs = front.Inputs ?? [];
        var used = Placeholder().Matches(template).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        var undeclared = used.Except(inputs, StringComparer.Ordinal).ToList();
        if (undeclared.Count > 0)
        {
            throw new InvalidOperationException($"Prompt {fileName}: placeholders not declared in 'inputs': {string.Join(", ", undeclared)}.");
        }

        var unused = inputs.Except(used, StringComparer.Ordinal).ToList();
        if (unused.Count > 0)
        {
            throw new InvalidOperationException($"Prompt {fileName}: inputs never used in the template: {string.Join(", ", unused)}.");
        }

        return new PromptTemplate(front.Name, front.Version, front.Description ?? string.Empty, inputs, front.Temperature, front.MaxOutputTokens,
            (front.System ?? string.Empty).Trim(), template);
    }

    /// <summary>The user message with every input filled in; a missing or extra input is an error.</summary>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var missing = Inputs.Where(i => !values.ContainsKey(i)).ToList();
        var extra = values.Keys.Where(k => !Inputs.Contains(k, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new InvalidOperationException($"Prompt {Id}: missing inputs [{string.Join(", ", missing)}], unknown inputs [{string.Join(", ", extra)}].");
        }

        return Placeholder().Replace(Template, m => values[m.Groups[1].Value]);
    }

    /// <summary><c>{{name}}</c>: letters, digits and underscores only, so <c>{{fact:…}}</c> passes through.</summary>
    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();

    private sealed class FrontMatter
    {
        public string? Name { get; set; }
        public string? Version { get; set; }
        public string? Description { get; set; }
        public List<string>? Inputs { get; set; }
        public float? Temperature { get; set; }
        public int? MaxOutputTokens { get; set; }
        public string? System { get; set; }
    }
}

/// <summary>The prompts embedded from <c>prompts/</c>, by name.</summary>
public sealed class PromptLibrary
{
    public const string DeviationSection = "deviation-section";
    public const string DeviationReasons = "deviation-reasons";
    public const string ImprovementMeasures = "improvement-measures";
    public const string Repair = "repair";
    public const string Chat = "chat";

    private readonly Dictionary<string, PromptTemplate> prompts;

    private PromptLibrary(Dictionary<string, PromptTemplate> prompts) => this.prompts = prompts;

    public static PromptLibrary Embedded { get; } = Load();

    public IReadOnlyCollection<PromptTemplate> All => prompts.Values;

    public PromptTemplate this[string name] =>
        prompts.TryGetValue(name, out var p) ? p : throw new KeyNotFoundException($"No prompt named '{name}'.");

    private static PromptLibrary Load()
    {
        Assembly assembly = typeof(PromptLibrary).Assembly;
        var prompts = new Dictionary<string, PromptTemplate>(StringComparer.Ordinal);
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("prompts/", StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal)))
        {
            if (resource.EndsWith("README.md", StringComparison.Ordinal))
            {
                continue;
            }

            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            PromptTemplate prompt = PromptTemplate.Parse(resource, reader.ReadToEnd());
            prompts.Add(prompt.Name, prompt);
        }

        foreach (string required in new[] { DeviationSection, DeviationReasons, ImprovementMeasures, Repair })
        {
            if (!prompts.ContainsKey(required))
            {
                throw new InvalidOperationException($"The embedded prompt '{required}' is missing (prompts/{required}.md).");
            }
        }

        return new PromptLibrary(prompts);
    }
}
