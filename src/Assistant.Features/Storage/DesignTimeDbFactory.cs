using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;

namespace Assistant.Features.Storage;

/// <summary>
/// What <c>dotnet ef</c> uses to build the model: the same connection resolution as the hosts
/// (adding a migration does not connect; <c>dotnet ef database update</c> does).
/// </summary>
internal sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<AssistantDb>
{
    public AssistantDb CreateDbContext(string[] args)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var options = new DbContextOptionsBuilder<AssistantDb>();
        StorageSetup.Configure(options, StorageSetup.DataSource(StorageSetup.ConnectionString(configuration)));
        return new AssistantDb(options.Options);
    }
}
