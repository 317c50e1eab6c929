using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Features.Drafting;
using Assistant.Features.Records;
using Microsoft.Extensions.AI;
using Npgsql;

namespace Assistant.Api.Tests;

/// <summary>A model the tests swap between calls (tests of one class run one after another).</summary>
public sealed class SwitchableChat : IChatClient
{
    public IChatClient Current { get; set; } = new OfflineDrafter();

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Current.GetResponseAsync(messages, options, cancellationToken);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Current.GetStreamingResponseAsync(messages, options, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) => Current.GetService(serviceType, serviceKey);

    public void Dispose()
    {
    }
}
