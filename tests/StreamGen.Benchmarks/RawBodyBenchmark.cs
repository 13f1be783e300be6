using System.Diagnostics;
using Acme.Logger;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace StreamGen.Benchmarks;

/// <summary>
/// Raw bodies: a 1 GiB upload (`upload`, request body) and download (`download`, response body) through the generated
/// server and client, against a hand-written Request.Body / Response.Body copy with HttpClient, both in this process.
/// Throughput and the peak growth of the process's resident set during the transfer (target < 64 MiB: a body streams,
/// it is never buffered whole).
/// </summary>
internal sealed class RawBodyBenchmark : IBenchmark
{
    private const double TargetMiB = 64;

    public string Name => "raw";

    public string Description => "raw bodies, 1 GiB upload and download: generated vs hand-written Request.Body/Response.Body copy, MB/s and peak RSS growth";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var bytes = context.Pick(1L << 30, 4L << 20);
        var workload = new Workload { BodyBytes = bytes };
        await using var generated = await GeneratedServer.StartAsync(workload);
        await using var raw = await Server.StartAsync(HttpProtocols.Http1, _ => { }, app =>
        {
            app.MapPost("/raw/upload", async context =>
            {
                context.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = null;
                var total = await RawBody.DrainAsync(context.Request.Body, context.RequestAborted);
                await context.Response.WriteAsync(total.ToString(System.Globalization.CultureInfo.InvariantCulture), context.RequestAborted);
            });
            app.MapGet("/raw/download", context =>
            {
                context.Response.ContentType = "application/x-ndjson";
                return RawBody.FillAsync(context.Response.Body, bytes, context.RequestAborted);
            });
        });
        var (client, http) = GeneratedServer.HttpClient(generated.Address);
        using var _ = http;
        using var rawHttp = new HttpClient { BaseAddress = raw.Address, Timeout = Timeout.InfiniteTimeSpan };
        var label = $"{bytes / (1 << 20):N0} MiB";

        Subject Make(string name, Func<CancellationToken, Task<long>> transfer) => new(name, async token =>
        {
            var before = Round.ResidentBytes(Environment.ProcessId);
            var peak = before;
            using var done = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!done.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Round.ResidentBytes(Environment.ProcessId));
                    await Task.Delay(10, CancellationToken.None);
                }
            }, CancellationToken.None);
            var start = Stopwatch.GetTimestamp();
            var moved = await transfer(token);
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            await done.CancelAsync();
            await sampler;
            if (moved != bytes)
            {
                throw new InvalidOperationException($"{name}: moved {moved} of {bytes} bytes");
            }

            return new Dictionary<string, double>
            {
                [$"MB/s, {label}"] = bytes / seconds / 1e6,
                [$"peak RSS growth, {label}"] = (peak - before) / (double)(1 << 20),
            };
        });

        var metrics = new Metric[] { new($"MB/s, {label}", "MB/s"), new($"peak RSS growth, {label}", "MiB") };
        var upload = await Interleaved.RunAsync(
            [
                Make("hand-written Request.Body copy (upload)", async token =>
                {
                    using var content = new StreamContent(RawBody.Source(bytes), 64 * 1024);
                    using var response = await rawHttp.PostAsync("/raw/upload", content, token);
                    response.EnsureSuccessStatusCode();
                    return long.Parse(await response.Content.ReadAsStringAsync(token), System.Globalization.CultureInfo.InvariantCulture);
                }),
                Make("generated upload", async token => (await client.UploadAsync(new UploadPayload { Topic = Workload.Topic }, RawBody.Source(bytes), token)).Count),
            ],
            metrics, warmups: 1, context.Repetitions, cancellationToken);
        context.Table.AddComparison(Name, upload, Target);

        var download = await Interleaved.RunAsync(
            [
                Make("hand-written Response.Body copy (download)", async token =>
                {
                    using var response = await rawHttp.GetAsync("/raw/download", HttpCompletionOption.ResponseHeadersRead, token);
                    response.EnsureSuccessStatusCode();
                    await using var body = await response.Content.ReadAsStreamAsync(token);
                    return await RawBody.DrainAsync(body, token);
                }),
                Make("generated download", async token =>
                {
                    await using var body = await client.DownloadAsync(new DownloadPayload { Topic = Workload.Topic }, token);
                    return await RawBody.DrainAsync(body, token);
                }),
            ],
            metrics, warmups: 1, context.Repetitions, cancellationToken);
        context.Table.AddComparison(Name, download, Target);
    }

    private static (string Text, bool Met)? Target(string subject, string metric, double value, double? baseline) =>
        subject.StartsWith("generated", StringComparison.Ordinal) && metric.StartsWith("peak RSS", StringComparison.Ordinal)
            ? ($"< {TargetMiB:N0} MiB", value < TargetMiB)
            : null;
}
