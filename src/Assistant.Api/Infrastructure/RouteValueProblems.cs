using System.Globalization;
using Assistant.Features.Evaluations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// An address that fits a route but for a route value its constraint refuses (<c>/evaluations/not-a-guid</c>,
/// <c>…/indicators/abc/explanation</c>) is a 400 naming the value (<c>id</c>, <c>index</c>) in Chinese and English,
/// not routing's bare 404. Every endpoint is judged from its own route pattern, so a route added later is covered
/// without a list written by hand. An address no route fits stays a 404, which says so in both languages.
/// </summary>
public static class RouteValueProblems
{
    public static void UseRouteValueProblems(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint() is null && Refused(http) is { } refused)
            {
                if (refused.Endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null && http.User.Identity?.IsAuthenticated != true)
                {
                    // The route wants a key: an anonymous caller learns nothing more than it would at a valid address.
                    await http.ChallengeAsync();
                    return;
                }

                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await JsonProblemWriter.WriteAsync(http, Problems.Invalid(refused.Errors));
                return;
            }

            await next(http);
        });
    }

    /// <summary>The route values an endpoint of the request's method refuses at the request's address, or null when no route's literal segments fit it.</summary>
    public static (RouteEndpoint Endpoint, IReadOnlyList<InputError> Errors)? Refused(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        string path = http.Request.Path.Value ?? "/";
        string[] segments = path.Trim('/').Split('/');
        var resolver = http.RequestServices.GetService<IInlineConstraintResolver>();
        var sources = http.RequestServices.GetService<EndpointDataSource>();
        if (resolver is null || sources is null)
        {
            return null;
        }

        foreach (RouteEndpoint endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods && methods.HttpMethods.Count > 0
                && !methods.HttpMethods.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (Fits(endpoint.RoutePattern, segments) is not { } values)
            {
                continue;
            }

            List<InputError> errors = Judge(http, endpoint.RoutePattern, values, resolver);
            if (errors.Count > 0)
            {
                return (endpoint, errors);
            }
        }

        return null;
    }

    /// <summary>The pattern's parameters and the segments they would take when every literal segment fits, else null (complex segments are not judged).</summary>
    private static Dictionary<string, string>? Fits(RoutePattern pattern, string[] segments)
    {
        IReadOnlyList<RoutePatternPathSegment> parts = pattern.PathSegments;
        if (parts.Count != segments.Length || parts.Count == 0)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < parts.Count; i++)
        {
            if (!parts[i].IsSimple)
            {
                return null;
            }

            switch (parts[i].Parts[0])
            {
                case RoutePatternLiteralPart literal when !string.Equals(literal.Content, segments[i], StringComparison.OrdinalIgnoreCase):
                    return null;
                case RoutePatternParameterPart parameter when parameter.IsCatchAll || segments[i].Length == 0:
                    return null;
                case RoutePatternParameterPart parameter:
                    values[parameter.Name] = Uri.UnescapeDataString(segments[i]);
                    break;
            }
        }

        return values;
    }

    private static List<InputError> Judge(HttpContext http, RoutePattern pattern, Dictionary<string, string> values, IInlineConstraintResolver resolver)
    {
        var errors = new List<InputError>();
        var route = new RouteValueDictionary();
        foreach (var (name, value) in values)
        {
            route[name] = value;
        }

        foreach (RoutePatternParameterPart parameter in pattern.Parameters)
        {
            if (!values.TryGetValue(parameter.Name, out string? value))
            {
                continue;
            }

            foreach (RoutePatternParameterPolicyReference policy in parameter.ParameterPolicies)
            {
                IRouteConstraint? constraint = policy.ParameterPolicy as IRouteConstraint
                    ?? (policy.Content is { } content ? resolver.ResolveConstraint(content) : null);
                if (constraint is not null && !constraint.Match(http, null, parameter.Name, route, RouteDirection.IncomingRequest))
                {
                    errors.Add(Error(parameter.Name, policy.Content ?? constraint.GetType().Name, value));
                    break;
                }
            }
        }

        return errors;
    }

    /// <summary>The value as received, cut short and quoted.</summary>
    private static string Shown(string value) => value.Length > 40 ? value[..40] + "…" : value;

    private static InputError Error(string name, string constraint, string value)
    {
        string shown = Shown(value);
        return constraint switch
        {
            "guid" => new InputError(name,
                $"地址中的{name}应为编号（GUID，形如 3f2504e0-4f89-11d3-9a0c-0305e82c3301），收到“{shown}”",
                $"{name} in the address must be an id (a GUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301); received \"{shown}\""),
            "int" or "long" => new InputError(name,
                $"地址中的{name}应为整数{(name == "index" ? "（指标行的序号，从0起）" : string.Empty)}，收到“{shown}”",
                $"{name} in the address must be a whole number{(name == "index" ? " (the indicator row's position, from 0)" : string.Empty)}; received \"{shown}\""),
            _ => new InputError(name,
                $"地址中的{name}取值“{shown}”不合要求（{constraint}）",
                $"{name} in the address does not accept \"{shown}\" ({constraint})"),
        };
    }

    /// <summary>The 404 of an address no route fits, in both languages (the default is a bare title).</summary>
    internal static void NoSuchAddress(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status != StatusCodes.Status404NotFound || context.HttpContext.GetEndpoint() is not null || context.ProblemDetails.Detail is not null)
        {
            return;
        }

        string method = context.HttpContext.Request.Method;
        string path = Shown(context.HttpContext.Request.Path.Value ?? "/");
        context.ProblemDetails.Title = ApiResults.NotFoundTitle;
        context.ProblemDetails.Detail = string.Create(CultureInfo.InvariantCulture,
            $"没有这个地址：{method} {path}，请查看接口文档（/openapi/v1.json）。 / No such address: {method} {path}; see the API document (/openapi/v1.json).");
    }
}
