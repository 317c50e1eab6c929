using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Features.Jobs;

/// <summary>Creates each job's class in its own DI scope of this host (not Hangfire's global configuration, so several hosts in one process stay apart).</summary>
internal sealed class ScopedJobActivator(IServiceScopeFactory scopes) : JobActivator
{
    public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(scopes.CreateScope());

    private sealed class Scope(IServiceScope scope) : JobActivatorScope
    {
        public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

        public override void DisposeScope() => scope.Dispose();
    }
}
