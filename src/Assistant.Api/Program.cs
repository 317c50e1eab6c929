using Assistant.Api;

await ApiHost.Build(args).RunAsync();

/// <summary>The web host's entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
