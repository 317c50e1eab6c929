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

public sealed class ModelApiFactory : ApiFactory
{
    public SwitchableChat Chat { get; } = new();

    protected override IChatClient? Model => Chat;
}
