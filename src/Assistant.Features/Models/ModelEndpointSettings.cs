using Azure.AI.OpenAI;

namespace Assistant.Features.Models;

/// <summary>
/// Where a model is reached, shared by <c>Drafting</c> and <c>Embeddings</c>: <c>openai</c> (any
/// OpenAI-compatible <c>/v1/</c> endpoint: OpenAI, DeepSeek, Qwen/DashScope, vLLM, Ollama, Azure's v1
/// endpoint) or <c>azure</c> (Azure OpenAI deployments with an api-version; an API key, or Entra ID
/// through <c>DefaultAzureCredential</c> when no key is configured).
/// </summary>
public abstract class ModelEndpointSettings
{
    public const string OpenAI = "openai";
    public const string Azure = "azure";

    /// <summary><c>openai</c>, <c>azure</c>, or the section's built-in provider.</summary>
    public string Provider { get; set; } = string.Empty;

    /// <summary><c>openai</c>: the <c>/v1/</c> base address; <c>azure</c>: the resource, e.g. <c>https://RESOURCE.openai.azure.com/</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model name (<c>openai</c>).</summary>
    public string? Model { get; set; }

    /// <summary>The deployment name (<c>azure</c>).</summary>
    public string? Deployment { get; set; }

    /// <summary>The Azure OpenAI api-version, e.g. <c>2024-10-21</c>; the library's default when empty.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Never logged or stored; from configuration or the environment. For <c>azure</c>, empty means Entra ID.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The provider, trimmed and lower-case.</summary>
    public string ProviderName => (Provider ?? string.Empty).Trim().ToLowerInvariant();

    /// <summary>The model a request names: the deployment for Azure, else the model.</summary>
    public string ModelOrDeployment => (ProviderName == Azure ? Deployment : Model) ?? string.Empty;

    /// <summary>What is missing or wrong for a remote provider, each naming its setting under <paramref name="section"/>.</summary>
    protected IEnumerable<string> EndpointProblems(string section)
    {
        string provider = ProviderName;
        if (Endpoint is null)
        {
            yield return $"Missing configuration: {section}:Endpoint (for {section}:Provider={provider}). See README.";
        }
        else if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"Invalid configuration: {section}:Endpoint must be an absolute http(s) address. See README.";
        }

        if (provider == Azure)
        {
            if (string.IsNullOrWhiteSpace(Deployment))
            {
                yield return $"Missing configuration: {section}:Deployment (for {section}:Provider=azure). See README.";
            }

            if (!string.IsNullOrWhiteSpace(ApiVersion) && AzureServiceVersion() is null)
            {
                yield return $"Invalid configuration: {section}:ApiVersion '{ApiVersion}' (supported: {string.Join(", ", Enum.GetNames<AzureOpenAIClientOptions.ServiceVersion>().Select(VersionText))}). See README.";
            }
        }
        else if (string.IsNullOrWhiteSpace(Model))
        {
            yield return $"Missing configuration: {section}:Model (for {section}:Provider={provider}). See README.";
        }
    }

    /// <summary>The configured api-version as the Azure library names it (<c>2024-10-21</c> → <c>V2024_10_21</c>), or null.</summary>
    public AzureOpenAIClientOptions.ServiceVersion? AzureServiceVersion()
    {
        if (string.IsNullOrWhiteSpace(ApiVersion))
        {
            return null;
        }

        string name = "V" + ApiVersion.Trim().Replace('-', '_');
        return Enum.TryParse(name, ignoreCase: true, out AzureOpenAIClientOptions.ServiceVersion v) && Enum.IsDefined(v) ? v : null;
    }

    private static string VersionText(string name) => name[1..].Replace('_', '-').ToLowerInvariant();
}
