#!/usr/bin/env python3
"""Where a request's CPU goes, from `perf record -g` of the `http --hot` benchmark process (issue 21).

Each sample is given to the innermost frame of its stack that names a part (first match in PARTS, walking
outwards), so time in the runtime or the kernel counts for the code that called it; samples with no named
frame are "other". µs per request = share x CPU ms per request (the benchmark's own column).

  perf_parts.py PERF_DATA CPU_MS_PER_REQUEST [START END]   # START/END: perf clock seconds (CLOCK_MONOTONIC)
"""
import collections
import re
import subprocess
import sys

PARTS = [
    ("domain: parse the table (EvaluationJson)", r"EvaluationJson"),
    ("domain: validation (FluentValidation, EvaluationValidator)", r"FluentValidation|EvaluationValidator"),
    ("domain: score (Assistant.Domain)", r"\[Assistant\.Domain\]|EvaluationService"),
    ("domain: write the answer (ScoreAnswerWriter)", r"ScoreAnswerWriter|ContractWriter"),
    ("API: answer path (ContractAnswer, PooledAnswer)", r"ContractAnswer|PooledAnswer"),
    ("API: body read (RequestBody, BodyCharset, JsonTextGuard)", r"RequestBody|BodyCharset|JsonTextGuard"),
    ("API: endpoint binding (RequestDelegateFactory, EvaluationsApi, results)", r"RequestDelegateFactory|EvaluationsApi|lambda_method|HttpResults"),
    ("API: rate limit (SharedRateLimit, RateLeases, Npgsql)", r"SharedRateLimit|RateLeases|RateBucketStore|Npgsql|CostRateLimiter|RateLimiting"),
    ("API: auth (key handler, key caches, authentication, authorization, claims)", r"ApiKeyHandler|ApiKeyCache|FailedKeyCache|ApiKeyFormat|AspNetCore\.Authentication|AspNetCore\.Authorization|Security\.Claims"),
    ("API: request log, logging", r"RequestLog|Microsoft\.Extensions\.Logging"),
    ("API: audience scope, OpenAPI cache, status pages, exception handler, routing, hosting, activity", r"UseApiSecurity|CorpusAudience|CachedApiDocument|StatusCodePages|ExceptionHandler|AspNetCore\.Routing|AspNetCore\.Hosting|DiagnosticListener|Activity|OpenTelemetry"),
    ("Kestrel transport", r"Kestrel\.Transport|IOQueue"),
    ("Kestrel HTTP/1 (parse, body, output)", r"Kestrel\.Core|Http1|HttpProtocol|KestrelConnection"),
    ("benchmark client (HttpClient, its loop)", r"System\.Net\.Http|Assistant\.Benchmarks"),
    ("sockets (System.Net.Sockets, both sides)", r"System\.Net\.Sockets"),
    ("thread pool, async machinery, waits", r"ThreadPool|ExecutionContext|LowLevelLifoSemaphore|AsyncTaskMethodBuilder|AsyncMethodBuilderCore|Tasks\.Task|AwaitTaskContinuation|Thread::StartCallback"),
]
COMPILED = [(name, re.compile(rx)) for name, rx in PARTS]


def main() -> None:
    path, cpu_ms = sys.argv[1], float(sys.argv[2])
    start, end = (float(sys.argv[3]), float(sys.argv[4])) if len(sys.argv) > 4 else (0.0, float("inf"))
    text = subprocess.run(["perf", "script", "-i", path, "-F", "time,ip,sym"], capture_output=True, text=True, check=True).stdout
    parts, kernel, total = collections.Counter(), collections.Counter(), 0
    for block in text.split("\n\n"):
        lines = [line.strip() for line in block.strip().split("\n") if line.strip()]
        if len(lines) < 2:
            continue
        when = float(lines[0].rstrip(":").split()[-1])
        if not start <= when <= end:
            continue
        frames = lines[1:]
        part = next((name for frame in frames for name, rx in COMPILED if rx.search(frame)), "other (no named frame: runtime, GC, kernel)")
        total += 1
        parts[part] += 1
        if frames[0].startswith("ffffffff"):
            kernel[part] += 1
    print(f"samples {total}; CPU per request {cpu_ms * 1000:.0f} µs")
    print("| part | share | µs/request | of which in the kernel |")
    print("|---|---:|---:|---:|")
    for name, count in parts.most_common():
        print(f"| {name} | {100 * count / total:.1f} % | {cpu_ms * 1000 * count / total:.1f} | {100 * kernel[name] / count:.0f} % |")


if __name__ == "__main__":
    main()
