using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Assistant.Api.Infrastructure;

/// <summary>Marks a POST that honours the <c>Idempotency-Key</c> header (documented as its parameter, with the 422 of a reused key).</summary>
internal sealed class IdempotentOperation;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> and its reference page at <c>/scalar/</c> (served
/// from the package; no other origin). Beyond what the endpoints declare, it adds the two ways to
/// present a key (bearer and <c>X-Api-Key</c>), the 401/403/429 every key-protected operation may
/// answer, the <c>Idempotency-Key</c> header, and schemas for the bodies endpoints read themselves.
/// </summary>
public static class ApiDocument
{
    public const string Bearer = "Bearer";
    public const string ApiKeyHeader = "ApiKey";
    public const string EvaluationSchema = "EvaluationV1";
    public const string VerifyRequestSchema = "VerifyRequest";
    public const string ProblemSchema = "Problem";

    /// <summary>The reference page's own policy: Scalar's bundle runs inline bootstrap code and styles, so it cannot live under the staff page's.</summary>
    public const string ScalarPolicy = "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly HashSet<string> ReadsEvaluation = new(StringComparer.Ordinal) { "ScoreEvaluation", "EvaluationFacts", "StoreEvaluation" };

    public static IHostApplicationBuilder AddApiDocument(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "绩效自评助手 API / Assistant API",
                    Version = "v1",
                    Description = "预算绩效自评：计分、核对、检索往年报告、起草第三部分。每个 /api/v1 请求都需要密钥。 / Budget performance self-evaluations: scoring, verification, past-report search, drafting section 三. Every /api/v1 call needs a key.",
                };
                EnsureComponents(document);
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(DescribeAsync);
        });
        return builder;
    }

    public static void MapApiDocument(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<CachedApiDocument>();
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("绩效自评助手 API / Assistant API").DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp())
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers["Content-Security-Policy"] = ScalarPolicy;
                context.HttpContext.Response.Headers["X-Content-Type-Options"] = "nosniff";
                return await next(context);
            });
    }

    private static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        OpenApiDocument document = context.Document ?? throw new InvalidOperationException("The operation transformer needs its document.");
        EnsureComponents(document);
        IList<object> metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= new OpenApiResponses();

        if (operation.OperationId is { } id && ReadsEvaluation.Contains(id))
        {
            operation.RequestBody = Body("自评表 assistant.evaluation/v1（见 CONTRACT.md §1）/ an evaluation as assistant.evaluation/v1", "application/json", Ref(EvaluationSchema, document), EvaluationExample());
        }
        else if (operation.OperationId == "VerifyText")
        {
            operation.RequestBody = Body("自评表与待核对的文字 / an evaluation and the text to verify", "application/json", Ref(VerifyRequestSchema, document), null);
        }
        else if (operation.OperationId == "UploadReport")
        {
            operation.RequestBody = UploadBody();
        }
        else if (operation.OperationId == "UploadReportsBulk")
        {
            operation.RequestBody = BulkUploadBody();
        }
        else if (operation.OperationId is "ImportEvaluations" or "VerifyReport")
        {
            operation.RequestBody = DocumentBody();
        }
        else if (operation.OperationId == "CreateBatch")
        {
            operation.RequestBody = BatchBody("多份自评表和报告（.xlsx、.docx、.txt/.md），或装有它们的 .zip；units.csv 指定单位 / many tables and reports, or .zip files of them; a units.csv maps names to units");
        }
        else if (operation.OperationId == "ImportMany")
        {
            operation.RequestBody = BatchBody("多份自评表（.xlsx、.docx、.txt/.md）；每张表保存为本单位的一份自评表 / many self-evaluation tables; each table is stored as an evaluation of the caller's unit");
        }

        if (operation.OperationId is "UploadReportsBulk" or "DraftEvaluationReport")
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "async",
                In = ParameterLocation.Query,
                Required = false,
                Description = "true：作为后台任务执行，返回 202 和任务地址（GET /api/v1/jobs/{id}）；也可用 Prefer: respond-async / true: run as a background job; 202 with the job's Location",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Boolean },
            });
        }

        if (operation.RequestBody is not null || operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true)
        {
            operation.Responses.TryAdd("400", Problem("输入有误，errors 按字段列出（中英文）/ Invalid input; errors keyed by field, in Chinese and English", document, InvalidExample()));
        }

        if (operation.RequestBody is not null)
        {
            // A body whose Content-Type declares a charset the API does not read (utf-32, big5, shift_jis…).
            operation.Responses.TryAdd("415", Problem("正文声明的字符集不受支持（可用 UTF-8、UTF-16、GB18030/GBK）；errors 的 Content-Type 项中英文说明 / The body's declared charset is not supported (use UTF-8, UTF-16 or GB18030/GBK); the Content-Type entry of errors says so in Chinese and English", document, null));
        }

        if (metadata.OfType<IAuthorizeData>().Any())
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyHeader, document)] = [] },
            ];
            operation.Responses.TryAdd("401", Problem("缺少密钥，或密钥无效、已吊销 / No key, or an unknown or revoked key", document, null));
            operation.Responses.TryAdd("403", Problem("密钥的角色不允许此操作 / The key's role does not allow this", document, null));
            operation.Responses.TryAdd("429", Problem("超过每个密钥每分钟的请求数；见 Retry-After / Over the per-key rate limit; see Retry-After", document, null));
        }

        if (metadata.OfType<IdempotentOperation>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyHeader.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "重试同一请求时带上同一个键，返回第一次保存的结果（响应头 Idempotent-Replayed: true）；同一个键用于不同请求为 422。 / Retry with the same key to get what the first request stored (header Idempotent-Replayed: true); the same key with a different request is 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = Features.Records.RecordStore.MaxIdempotencyKeyLength },
                Example = JsonValue.Create("t-2024-1"),
            });
            operation.Responses.TryAdd("422", Problem("Idempotency-Key 已用于另一个请求 / The Idempotency-Key was used for a different request", document, null));
        }

        foreach (var (code, response) in operation.Responses)
        {
            if (string.IsNullOrEmpty(response.Description) && response is OpenApiResponse r)
            {
                r.Description = code switch
                {
                    "200" => "成功 / OK",
                    "201" => "已保存 / Created",
                    "404" => "本单位没有这条记录 / This unit has no such record",
                    _ => code,
                };
            }
        }

        return Task.CompletedTask;
    }

    private static void EnsureComponents(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes.TryAdd(Bearer, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "ak_PREFIX_SECRET",
            Description = "Authorization: Bearer ak_…（assistant keys create 签发 / issued by assistant keys create）",
        });
        document.Components.SecuritySchemes.TryAdd(ApiKeyHeader, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "X-Api-Key: ak_…（与 Bearer 二选一 / instead of the bearer header）",
        });
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(ProblemSchema, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details; title and detail in Chinese and English",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "字段 → 中英文消息 / field → messages",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        });
        document.Components.Schemas.TryAdd(EvaluationSchema, EvaluationV1());
        document.Components.Schemas.TryAdd(VerifyRequestSchema, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "evaluation", "text" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["evaluation"] = new OpenApiSchemaReference(EvaluationSchema, document),
                ["text"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "待核对的文字 / the text to verify" },
                ["policy"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "评分规则 / scoring policy" },
            },
        });
    }

    /// <summary>The shape of <c>assistant.evaluation/v1</c> (CONTRACT.md §1): numbers may be strings, to keep their printed decimals.</summary>
    private static OpenApiSchema EvaluationV1()
    {
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = description };
        static OpenApiSchema Number(string description) => new() { Type = JsonSchemaType.String | JsonSchemaType.Number | JsonSchemaType.Null, Description = description };
        var line = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "name" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["name"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "资金行 / fund line" },
                ["parent"] = Text("上级资金行 / the line it is part of"),
                ["initialBudget"] = Number("年初预算数 / initial budget"),
                ["budget"] = Number("全年预算数 / budget"),
                ["executed"] = Number("全年执行数 / executed"),
                ["printedRate"] = Text("打印的执行率 / printed 执行率"),
                ["printedScore"] = Number("打印的得分 / printed score"),
                ["deviationNote"] = Text("执行率偏低的说明 / why the rate is low"),
            },
        };
        var indicator = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "name" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["level1"] = Text("一级指标"),
                ["level2"] = Text("二级指标"),
                ["name"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "三级指标 / indicator", MaxLength = Features.Evaluations.EvaluationValidator.MaxNameLength },
                ["unit"] = Text("计量单位 / unit"),
                ["target"] = Text("年度指标值，照印 / target as printed (≥98%, ≤1600元/人, 效果显著 …)"),
                ["actual"] = Text("实际完成值，照印 / actual as printed"),
                ["weight"] = Number("分值 / weight"),
                ["printedScore"] = Number("打印的得分 / printed score"),
                ["deviationNote"] = Text("偏差原因 / stated reason"),
                ["grade"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Enum = [JsonValue.Create("达成"), JsonValue.Create("部分达成"), JsonValue.Create("未达成")] },
            },
        };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "自评表 / a self-evaluation table (CONTRACT.md §1); every number may be a JSON string (keeps its printed decimals) or a number",
            Required = new HashSet<string> { "title" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["kind"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("project"), JsonValue.Create("transfer")] },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Features.Evaluations.EvaluationValidator.MaxNameLength },
                ["year"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Minimum = "1990", Maximum = "2100" },
                ["region"] = Text("地区 / region"),
                ["department"] = Text("主管部门 / department"),
                ["implementer"] = Text("实施单位 / implementer"),
                ["funds"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["unit"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("万元"), JsonValue.Create("元"), JsonValue.Create("亿元")] },
                        ["weight"] = Number("预算执行率的分值 / weight of 执行率"),
                        ["lines"] = new OpenApiSchema { Type = JsonSchemaType.Array, MaxItems = Features.Evaluations.EvaluationValidator.MaxFundLines, Items = line },
                    },
                },
                ["levelWeights"] = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = Number("一级指标分值 / printed level weight") },
                ["indicators"] = new OpenApiSchema { Type = JsonSchemaType.Array, MaxItems = Features.Evaluations.EvaluationValidator.MaxIndicators, Items = indicator },
                ["printedWeightTotal"] = Number("打印的分值合计 / printed weight total"),
                ["printedTotal"] = Number("打印的总分 / printed total"),
            },
        };
    }

    private static OpenApiSchemaReference Ref(string id, OpenApiDocument document) => new(id, document);

    private static OpenApiRequestBody Body(string description, string type, IOpenApiSchema schema, JsonNode? example) => new()
    {
        Required = true,
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { [type] = new() { Schema = schema, Example = example } },
    };

    private static OpenApiRequestBody UploadBody() => new()
    {
        Required = true,
        Description = "往年报告：表单的 file 字段（可带 region、year、fund、title），或文件本身作为请求体（?fileName=）/ a past report: the form's file part, or the file itself as the body",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = ".txt / .md / .docx" },
                        ["region"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["year"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                        ["fund"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
            },
            ["application/octet-stream"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
        },
    };

    private static OpenApiRequestBody BulkUploadBody() => new()
    {
        Required = true,
        Description = "多份往年报告：每份一个 file 部分（可带 scope、region、year、fund、source、indexes）/ many past reports: one file part each",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["file"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" }, Description = ".txt / .md / .docx, repeated" },
                        ["scope"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "unit (default) | shared (admin)" },
                        ["region"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["year"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                        ["fund"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["source"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["indexes"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "auto (default) | rebuild | keep" },
                    },
                },
            },
        },
    };

    private static OpenApiRequestBody BatchBody(string description) => new()
    {
        Required = true,
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "files" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["files"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                        ["name"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["policy"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
            },
        },
    };

    private static OpenApiRequestBody DocumentBody() => new()
    {
        Required = true,
        Description = "自评表或报告文档（.xlsx、.docx、.txt/.md）：表单的 file 字段，或文件本身作为请求体（?fileName=）/ a table or report document: the form's file part, or the file itself as the body",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = ".xlsx / .docx / .txt / .md" },
                    },
                },
            },
            ["application/octet-stream"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
        },
    };

    private static OpenApiResponse Problem(string description, OpenApiDocument document, JsonNode? example) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = Ref(ProblemSchema, document), Example = example },
        },
    };

    private static JsonNode EvaluationExample() => JsonNode.Parse("""
        {
          "kind": "project",
          "title": "就业见习补贴",
          "year": 2024,
          "funds": { "unit": "万元", "weight": "10", "lines": [ { "name": "年度资金总额", "budget": "120.00", "executed": "96.96" } ] },
          "indicators": [
            { "level1": "产出指标", "level2": "数量指标", "name": "见习人数", "unit": "人", "target": "≥150", "actual": "128", "weight": "20", "deviationNote": "部分见习单位岗位调整" },
            { "level1": "满意度指标", "level2": "服务对象满意度指标", "name": "见习人员满意度", "target": "≥90%", "actual": "95%", "weight": "10" }
          ]
        }
        """)!;

    private static JsonNode InvalidExample() => JsonNode.Parse("""
        {
          "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
          "title": "输入有误 / Invalid input",
          "status": 400,
          "errors": { "indicators[0].weight": ["分值应为数字 / weight must be a number"] }
        }
        """)!;
}
