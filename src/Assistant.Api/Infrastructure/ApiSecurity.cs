using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Assistant.Features.Records;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// Every <c>/api/v1</c> endpoint needs a key (<c>Authorization: Bearer ak_…</c> or <c>X-Api-Key</c>), bound
/// to one unit; health and the OpenAPI document do not. Requests are rate-limited per key.
/// </summary>
public static class ApiSecurity
{
    public const string Scheme = "ApiKey";
    public const string Reader = "reader";
    public const string Drafter = "drafter";
    public const string Admin = "admin";
    public const string Reviewer = "reviewer";
    public const string UnitClaim = "unit";
    public const string PrefixClaim = "key_prefix";

    /// <summary>
    /// Why a key was refused, by what the endpoint needs (its policy) and what the key is (its role):
    /// a drafter refused a review decision is told a decision needs a reviewer key, not the opposite.
    /// </summary>
    public static string ForbiddenDetail(string? policy, string? role)
    {
        string held = role is null ? "" : $"（本密钥为 {role}）";
        string heldEn = role is null ? "" : $" (this key is {role})";
        return policy switch
        {
            Reviewer => $"审核决定需要 reviewer 或 admin 密钥{held}。 / Deciding on a submission needs a reviewer or admin key{heldEn}.",
            Admin => $"此操作需要 admin 密钥{held}。 / This needs an admin key{heldEn}.",
            Drafter when role == ApiRoles.Reviewer =>
                "审阅（reviewer）密钥只能读取和核对；起草和提交需要 drafter 或 admin 密钥。 / Reviewer keys read and check only; drafting and submitting need a drafter or admin key.",
            Drafter => $"起草和提交需要 drafter 或 admin 密钥{held}。 / Drafting and submitting need a drafter or admin key{heldEn}.",
            _ => $"本密钥的角色不能执行此操作{held}。 / The key's role does not allow this{heldEn}.",
        };
    }

    /// <summary>The authenticated caller with its unit scope, kept for the request.</summary>
    internal const string CallerItem = "assistant.caller";

    public static IHostApplicationBuilder AddApiSecurity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<RateLimitSettings>()
            .BindConfiguration(RateLimitSettings.Section)
            .Validate(s => s.PermitsPerMinute is >= 1 and <= 1_000_000, "Invalid configuration: RateLimits:PermitsPerMinute must be between 1 and 1000000. See README.")
            .Validate(s => s.Store is "postgres" or "memory", "Invalid configuration: RateLimits:Store must be postgres or memory. See README.")
            .ValidateOnStart();
        builder.Services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(Scheme, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Reader, p => p.RequireAuthenticatedUser())
            .AddPolicy(Drafter, p => p.RequireRole(ApiRoles.Drafter, ApiRoles.Admin))
            .AddPolicy(Admin, p => p.RequireRole(ApiRoles.Admin))
            .AddPolicy(Reviewer, p => p.RequireRole(ApiRoles.Reviewer, ApiRoles.Admin));

        builder.Services.AddSingleton<FailedKeyCache>();
        builder.Services.AddSingleton<Features.RateLimits.RateBucketStore>();
        builder.Services.AddSingleton(sp => new Features.RateLimits.RateLeases(sp.GetRequiredService<Features.RateLimits.RateBucketStore>(), TimeProvider.System));
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((o, settings) =>
        {
            int perMinute = settings.Value.PermitsPerMinute;
            if (settings.Value.Store != "memory")
            {
                return;
            }

            o.GlobalLimiter = new CostRateLimiter(perMinute);
            o.OnRejected = async (context, ct) =>
            {
                HttpContext http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retry)
                    ? Math.Max(1, Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture)
                    : Math.Max(1, Math.Ceiling(60.0 * CostRateLimiter.Cost(http) / perMinute)).ToString(CultureInfo.InvariantCulture);
                await Problem(http, StatusCodes.Status429TooManyRequests, "请求过于频繁 / Too many requests",
                    $"每个密钥每分钟最多{perMinute}个配额（起草、上传、对话和长文本核对占用更多），请稍后重试。 / At most {perMinute} permits per minute per key (drafting, uploads, chat and long verifications take more); retry later.");
            };
        });
        return builder;
    }

    public static void UseApiSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();

        // The corpus a request sees: published reports and the caller's unit's own.
        app.Use(async (http, next) =>
        {
            using (Features.Corpus.CorpusAudience.For(http.User.FindFirstValue(UnitClaim)))
            {
                await next(http);
            }
        });

        // Before authorization, so unauthenticated requests are limited (per address) too.
        app.UseRateLimiter();
        app.UseMiddleware<SharedRateLimit>();
        app.UseAuthorization();
    }

    /// <summary>The caller of an authorized request.</summary>
    public static ApiCaller Caller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[CallerItem] is ApiCaller known)
        {
            return known;
        }

        ClaimsPrincipal u = context.User;
        return new ApiCaller(
            Guid.Parse(u.FindFirstValue(ClaimTypes.NameIdentifier)!),
            u.FindFirstValue(PrefixClaim)!,
            u.FindFirstValue(ClaimTypes.Role)!,
            u.FindFirstValue(UnitClaim)!);
    }

    internal static Task Problem(HttpContext http, int status, string title, string detail)
    {
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        http.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}

/// <summary>Reads the key, looks it up (hash, constant-time) and makes the caller's principal: key id, role, unit.</summary>
internal sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys, Features.Units.UnitStore units, FailedKeyCache failed, ApiKeyCache valid)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? presented = null;
        string authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            presented = authorization["Bearer ".Length..].Trim();
        }
        else if (Request.Headers.TryGetValue("X-Api-Key", out var header))
        {
            presented = header.ToString().Trim();
        }

        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }

        // Malformed keys, keys that just failed and addresses that keep failing cost no database query.
        System.Net.IPAddress? address = Context.Connection.RemoteIpAddress;
        if (!ApiKeyFormat.IsWellFormed(presented) || failed.ShouldRefuse(presented, address))
        {
            return AuthenticateResult.Fail("unknown or revoked key");
        }

        // The subtree a key sees is cached with the key (units are only ever added; a new unit is seen within the cache's lifetime).
        ApiCaller? caller = await valid.AuthenticateAsync(presented, LookUpAsync, Context.RequestAborted);
        if (caller is null)
        {
            failed.Failed(presented, address);
            return AuthenticateResult.Fail("unknown or revoked key");
        }

        Context.Items[ApiSecurity.CallerItem] = caller;
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, caller.KeyId.ToString()),
                new Claim(ClaimTypes.Role, caller.Role),
                new Claim(ApiSecurity.UnitClaim, caller.Unit),
                new Claim(ApiSecurity.PrefixClaim, caller.Prefix),
            ],
            ApiSecurity.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiSecurity.Scheme));
    }

    private async Task<ApiCaller?> LookUpAsync(string presented, CancellationToken cancellationToken)
    {
        ApiCaller? caller = await keys.AuthenticateAsync(presented, cancellationToken);
        return caller is null ? null : caller with { Scope = await units.ScopeAsync(caller.Unit, caller.Role, cancellationToken) };
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ApiSecurity.Problem(Context, StatusCodes.Status401Unauthorized, "需要有效的 API 密钥 / A valid API key is required",
            "请在 Authorization: Bearer 或 X-Api-Key 头中提供密钥（assistant keys create 签发）。 / Send the key in Authorization: Bearer or X-Api-Key (issued by assistant keys create).");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        string? policy = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
            .Select(a => a.Policy).LastOrDefault(p => p is not null);
        string? role = Context.User.FindFirst(ClaimTypes.Role)?.Value;
        return ApiSecurity.Problem(Context, StatusCodes.Status403Forbidden, "密钥无此权限 / The key's role does not allow this",
            ApiSecurity.ForbiddenDetail(policy, role));
    }
}
