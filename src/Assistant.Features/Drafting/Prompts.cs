using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using YamlDotNet.Serialization;

namespace Assistant.Features.Drafting;

/// <summary>
/// A prompt file as a Semantic Kernel prompt: the front matter (SK's own keys: <c>name</c>,
/// <c>description</c>, <c>input_variables</c>, <c>execution_settings</c>; plus ours: <c>version</c> and the
/// <c>system</c> message) becomes a <see cref="PromptTemplateConfig"/>, the body its template in the
/// default <c>{{$var}}</c> syntax. It renders through a kernel (<see cref="RenderAsync"/>), so prompt
/// render filters see every rendering.
/// </summary>
public sealed partial class PromptTemplate
{
    // Values are pasted into a user message as text (never parsed as SK's chat-prompt XML), so they are not HTML-encoded.
    private static readonly KernelPromptTemplateFactory Factory = new() { AllowDangerouslySetContent = true };

    private PromptTemplate(PromptTemplateConfig config, string version, string system)
    {
        Config = config;
        Version = version;
        System = system;
        Function = KernelFunctionFactory.CreateFromPrompt(config, Factory);
    }

    public PromptTemplateConfig Config { get; }

    public string Name => Config.Name!;

    public string Version { get; }

    public string Description => Config.Description ?? string.Empty;

    /// <summary>The system message (plain text, not a template).</summary>
    public string System { get; }

    public string Template => Config.Template;

    public IReadOnlyList<string> Inputs => Config.InputVariables.Select(v => v.Name).ToList();

    /// <summary>The prompt as a kernel function (rendering only: the model is called by the caller's pipeline).</summary>
    public KernelFunction Function { get; }

    /// <summary>name@version, as drafts record it.</summary>
    public string Id => $"{Name}@{Version}";

    public float? Temperature => ChatOptions()?.Temperature;

    public int? MaxOutputTokens => ChatOptions()?.MaxOutputTokens;

    /// <summary>The model settings of <c>execution_settings.default</c>, converted by Semantic Kernel.</summary>
    public ChatOptions? ChatOptions() => Config.DefaultExecutionSettings.ToChatOptions(null);

    /// <summary>Parses one file; every placeholder must be a declared input and every input used.</summary>
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

        object? yaml = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<object>(text[4..end]);
        string json = new SerializerBuilder().JsonCompatible().Build().Serialize(yaml ?? new Dictionary<object, object>());
        PromptTemplateConfig config = PromptTemplateConfig.FromJson(json);
        config.Template = text[(end + 5)..].TrimEnd('\n') + "\n";
        config.TemplateFormat = PromptTemplateConfig.SemanticKernelTemplateFormat;
        config.AllowDangerouslySetContent = true;

        using JsonDocument front = JsonDocument.Parse(json);
        string? version = front.RootElement.TryGetProperty("version", out JsonElement v) ? v.ToString() : null;
        string? system = front.RootElement.TryGetProperty("system", out JsonElement s) ? s.GetString() : null;
        if (string.IsNullOrWhiteSpace(config.Name) || string.IsNullOrWhiteSpace(version))
        {
            throw new InvalidOperationException($"Prompt {fileName}: front matter needs 'name' and 'version'.");
        }

        var inputs = config.InputVariables.Select(i => i.Name).ToList();
        var used = Placeholder().Matches(config.Template).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        var undeclared = used.Except(inputs, StringComparer.Ordinal).ToList();
        if (undeclared.Count > 0)
        {
            throw new InvalidOperationException($"Prompt {fileName}: placeholders not declared in 'input_variables': {string.Join(", ", undeclared)}.");
        }

        var unused = inputs.Except(used, StringComparer.Ordinal).ToList();
        if (unused.Count > 0)
        {
            throw new InvalidOperationException($"Prompt {fileName}: inputs never used in the template: {string.Join(", ", unused)}.");
        }

        foreach (InputVariable input in config.InputVariables)
        {
            input.IsRequired = true;
        }

        return new PromptTemplate(config, version, (system ?? string.Empty).Trim());
    }

    /// <summary>
    /// The user message with every input filled in, rendered by invoking <see cref="Function"/> on
    /// <paramref name="kernel"/> (whose prompt render filters audit it and stop before any model is
    /// called; see <see cref="Orchestration.AssistantKernel"/>). A missing or extra input is an error.
    /// </summary>
    public async Task<string> RenderAsync(Kernel kernel, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(values);
        var missing = Inputs.Where(i => !values.ContainsKey(i)).ToList();
        var extra = values.Keys.Where(k => !Inputs.Contains(k, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new InvalidOperationException($"Prompt {Id}: missing inputs [{string.Join(", ", missing)}], unknown inputs [{string.Join(", ", extra)}].");
        }

        var arguments = new KernelArguments();
        foreach (var (k, v) in values)
        {
            arguments[k] = v;
        }

        FunctionResult result = await kernel.InvokeAsync(Function, arguments, cancellationToken).ConfigureAwait(false);
        return result.GetValue<string>() ?? string.Empty;
    }

    /// <summary>Renders with the template engine alone (no kernel filters): for tests and tools.</summary>
    public async Task<string> RenderTemplateAsync(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var arguments = new KernelArguments();
        foreach (var (k, v) in values)
        {
            arguments[k] = v;
        }

        return await Factory.Create(Config).RenderAsync(new Kernel(), arguments).ConfigureAwait(false);
    }

    public override string ToString() => Id;

    /// <summary><c>{{$name}}</c>; <c>{{ "{{" }}fact:…}}</c> in a template is a literal fact reference.</summary>
    [GeneratedRegex(@"\{\{\s*\$([A-Za-z][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();
}

/// <summary>The prompts embedded from <c>prompts/</c>, by name.</summary>
public sealed class PromptLibrary
{
    public const string DeviationSection = "deviation-section";
    public const string DeviationReasons = "deviation-reasons";
    public const string ImprovementMeasures = "improvement-measures";
    public const string Repair = "repair";
    public const string Chat = "chat";
    public const string ReportPart = "report-part";

    private readonly Dictionary<string, PromptTemplate> prompts;

    private PromptLibrary(Dictionary<string, PromptTemplate> prompts) => this.prompts = prompts;

    public static PromptLibrary Embedded { get; } = Load();

    public IReadOnlyCollection<PromptTemplate> All => prompts.Values;

    public PromptTemplate this[string name] =>
        prompts.TryGetValue(name, out var p) ? p : throw new KeyNotFoundException($"No prompt named '{name}'.");

    /// <summary>The version of a prompt by name, or null (for audit records).</summary>
    public string? VersionOf(string? name) => name is not null && prompts.TryGetValue(name, out var p) ? p.Version : null;

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

        foreach (string required in new[] { DeviationSection, DeviationReasons, ImprovementMeasures, Repair, Chat })
        {
            if (!prompts.ContainsKey(required))
            {
                throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture, "The embedded prompt '{0}' is missing (prompts/{0}.md).", required));
            }
        }

        return new PromptLibrary(prompts);
    }
}
