using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Assistant.Features.Review;

public static class ReviewSetup
{
    /// <summary>Submission and review, and questions across units. <see cref="IReviewEvents"/> defaults to nothing; register another before this to be told.</summary>
    public static IHostApplicationBuilder AddReview(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IReviewEvents, NoReviewEvents>();
        builder.Services.AddSingleton<SubmissionService>();
        builder.Services.AddSingleton<ReviewInsights>();
        return builder;
    }
}
